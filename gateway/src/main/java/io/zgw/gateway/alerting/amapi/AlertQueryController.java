package io.zgw.gateway.alerting.amapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertQueryController is Alertmanager API v2's {@code GET /api/v2/alerts}: the firing
 * alerts the caller's business lines may see, in Alertmanager's gettableAlert shape.
 * Nothing is inhibited or unprocessed yet, so the {@code inhibited} and
 * {@code unprocessed} parameters change nothing and are not bound.
 */
@RestController
class AlertQueryController {

	private final AlertReader reader;

	private final SilenceStore silences;

	private final LabelMatching matching;

	private final AlertRouting routing;

	private final BusinessLineScope scope;

	private final Clock clock;

	private final AlertingProperties properties;

	AlertQueryController(AlertReader reader, SilenceStore silences, LabelMatching matching, AlertRouting routing,
			BusinessLineScope scope, ObjectProvider<Clock> clock, AlertingProperties properties) {
		this.reader = reader;
		this.silences = silences;
		this.matching = matching;
		this.routing = routing;
		this.scope = scope;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.properties = properties;
	}

	@GetMapping("/api/v2/alerts")
	List<Map<String, Object>> alerts(HttpServletRequest request, @RequestParam(defaultValue = "true") boolean active,
			@RequestParam(defaultValue = "true") boolean silenced,
			@RequestParam(required = false) @Nullable List<String> filter,
			@RequestParam(required = false) @Nullable String receiver) {
		Predicate<LabelSet> filters = filters(filter);
		Pattern receiverPattern = receiverPattern(receiver);
		Predicate<String> visible = this.scope.visibleTo(request);
		Instant now = this.clock.instant();
		SilenceMuting muting = new SilenceMuting(this.silences.activeAt(now), this.matching);
		List<Map<String, Object>> result = new ArrayList<>();
		for (StoredAlert alert : this.reader.firingAt(now)) {
			if (!visible.test(alert.labels().get("business_line")) || !filters.test(alert.labels())) {
				continue;
			}
			List<String> receivers = this.routing.receiversFor(alert.labels());
			if (receiverPattern != null && receivers.stream().noneMatch((r) -> receiverPattern.matcher(r).matches())) {
				continue;
			}
			List<String> silencedBy = muting.silencedBy(alert.labels());
			boolean muted = !silencedBy.isEmpty();
			if ((muted && !silenced) || (!muted && !active)) {
				continue;
			}
			result.add(gettable(alert, receivers, silencedBy, now));
		}
		result.sort(Comparator.comparing((Map<String, Object> a) -> (String) a.get("fingerprint")));
		return result;
	}

	private Map<String, Object> gettable(StoredAlert alert, List<String> receivers, List<String> silencedBy,
			Instant now) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("annotations", alert.annotations());
		// A firing Zabbix problem has no end; show what Alertmanager shows for an alert
		// posted without endsAt, so clients see it as firing.
		Instant endsAt = (alert.endsAt() != null) ? alert.endsAt() : now.plus(this.properties.resolveTimeout());
		json.put("endsAt", AmTimes.format(endsAt));
		json.put("fingerprint", alert.fingerprint());
		json.put("receivers", receivers.stream().map((name) -> Map.of("name", name)).toList());
		json.put("startsAt", AmTimes.format(alert.startsAt()));
		json.put("status", Map.of("state", silencedBy.isEmpty() ? "active" : "suppressed", "silencedBy", silencedBy,
				"inhibitedBy", List.of()));
		json.put("updatedAt", AmTimes.format(alert.updatedAt()));
		json.put("generatorURL", alert.generatorUrl());
		json.put("labels", alert.labels().asMap());
		return json;
	}

	private Predicate<LabelSet> filters(@Nullable List<String> filter) {
		Predicate<LabelSet> all = (labels) -> true;
		if (filter == null) {
			return all;
		}
		for (String text : filter) {
			try {
				all = all.and(this.matching.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badParameter("filter", "bad filter: " + ex.getMessage());
			}
		}
		return all;
	}

	private static @Nullable Pattern receiverPattern(@Nullable String receiver) {
		if (receiver == null || receiver.isEmpty()) {
			return null;
		}
		try {
			return Pattern.compile("^(?:" + receiver + ")$");
		}
		catch (PatternSyntaxException ex) {
			throw ApiException.badParameter("receiver",
					"receiver is not a valid regular expression: " + ex.getDescription());
		}
	}

}
