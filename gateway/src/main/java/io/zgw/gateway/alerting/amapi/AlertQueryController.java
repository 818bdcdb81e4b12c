package io.zgw.gateway.alerting.amapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.zgw.alerts.inhibit.Inhibitor;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.GoStrings;
import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertQueryController is Alertmanager API v2's {@code GET /api/v2/alerts}: the firing
 * alerts the caller's business lines may see, in Alertmanager's gettableAlert shape, with
 * receivers, silences and inhibitions applied. Alerts are processed as they are stored,
 * so none is ever "unprocessed" and that parameter is not bound.
 */
@RestController
class AlertQueryController {

	private final AlertReader reader;

	private final SilenceStore silences;

	private final RoutingFile routing;

	private final Clock clock;

	AlertQueryController(AlertReader reader, SilenceStore silences, RoutingFile routing, ObjectProvider<Clock> clock) {
		this.reader = reader;
		this.silences = silences;
		this.routing = routing;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/v2/alerts")
	List<Map<String, Object>> alerts(ApiPrincipal principal, @RequestParam(defaultValue = "true") boolean active,
			@RequestParam(defaultValue = "true") boolean silenced,
			@RequestParam(defaultValue = "true") boolean inhibited,
			@RequestParam(required = false) @Nullable String receiver, HttpServletRequest request) {
		Instant now = this.clock.instant();
		return select(principal, active, silenced, inhibited, filters(request), receiverPattern(receiver), now).stream()
			.map((selected) -> gettable(selected, now))
			.toList();
	}

	/**
	 * Alertmanager API v2's {@code GET /api/v2/alerts/groups}: the same selection grouped
	 * per route and group labels, as the dispatcher would group them. As Alertmanager,
	 * {@code receiver} picks groups by their route's receiver, an alert's
	 * {@code receivers} are those of the groups shown that hold it (sorted, one per
	 * group), and groups come in the order of their labels, then receivers.
	 */
	@GetMapping("/api/v2/alerts/groups")
	List<Map<String, Object>> groups(ApiPrincipal principal, @RequestParam(defaultValue = "true") boolean active,
			@RequestParam(defaultValue = "true") boolean silenced,
			@RequestParam(defaultValue = "true") boolean inhibited,
			@RequestParam(required = false) @Nullable String receiver, HttpServletRequest request) {
		Instant now = this.clock.instant();
		Pattern receiverPattern = receiverPattern(receiver);
		Map<RoutingFile.Group, List<Selected>> members = new LinkedHashMap<>();
		Map<String, List<String>> receivers = new LinkedHashMap<>();
		for (Selected selected : select(principal, active, silenced, inhibited, filters(request), null, now)) {
			for (RoutingFile.Group group : this.routing.groupsFor(selected.alert().labels())) {
				if (receiverPattern != null && !receiverPattern.matcher(group.receiver()).matches()) {
					continue;
				}
				members.computeIfAbsent(group, (key) -> new ArrayList<>()).add(selected);
				receivers.computeIfAbsent(selected.alert().fingerprint(), (fingerprint) -> new ArrayList<>())
					.add(group.receiver());
			}
		}
		receivers.values().forEach((names) -> names.sort(GoStrings.ORDER));
		List<RoutingFile.Group> ordered = new ArrayList<>(members.keySet());
		// Alertmanager's dispatch.AlertGroups order.
		ordered.sort(Comparator.comparing(RoutingFile.Group::labels, LabelSet.ORDER)
			.thenComparing(RoutingFile.Group::receiver, GoStrings.ORDER));
		List<Map<String, Object>> json = new ArrayList<>();
		for (RoutingFile.Group group : ordered) {
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("labels", group.labels().asMap());
			shown.put("receiver", Map.of("name", group.receiver()));
			shown.put("alerts", members.get(group).stream().map((selected) -> {
				List<String> names = List.copyOf(receivers.get(selected.alert().fingerprint()));
				return gettable(new Selected(selected.alert(), names, selected.silencedBy(), selected.inhibitedBy()),
						now);
			}).toList());
			json.add(shown);
		}
		return json;
	}

	private List<Selected> select(ApiPrincipal principal, boolean active, boolean silenced, boolean inhibited,
			Matchers filters, @Nullable Pattern receiverPattern, Instant now) {
		SilenceMuting muting = new SilenceMuting(this.silences.activeAt(now), this.routing::timeInterval);
		List<StoredAlert> firing = this.reader.firingAt(now);
		// Every firing alert may inhibit, including those the caller cannot see.
		Inhibitor.Snapshot inhibition = this.routing.inhibitor()
			.snapshot(firing.stream().map((a) -> toAlert(a, now)).toList(), now);
		List<Selected> result = new ArrayList<>();
		for (StoredAlert alert : firing) {
			if (!principal.canSee(alert.labels().get("business_line")) || !filters.matches(alert.labels())) {
				continue;
			}
			List<String> receivers = this.routing.receiversFor(alert.labels());
			if (receiverPattern != null && receivers.stream().noneMatch((r) -> receiverPattern.matcher(r).matches())) {
				continue;
			}
			List<String> silencedBy = muting.silencedBy(alert.labels(), now);
			List<String> inhibitedBy = inhibition.inhibitedBy(alert.labels()).stream().toList();
			boolean suppressed = !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
			if ((!silencedBy.isEmpty() && !silenced) || (!inhibitedBy.isEmpty() && !inhibited)
					|| (!suppressed && !active)) {
				continue;
			}
			result.add(new Selected(alert, receivers, silencedBy, inhibitedBy));
		}
		result.sort(Comparator.comparing((Selected selected) -> selected.alert().fingerprint()));
		return result;
	}

	private Map<String, Object> gettable(Selected selected, Instant now) {
		StoredAlert alert = selected.alert();
		List<String> silencedBy = selected.silencedBy();
		List<String> inhibitedBy = selected.inhibitedBy();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("annotations", alert.annotations());
		// A firing Zabbix problem has no end; show what Alertmanager shows for an alert
		// posted without endsAt, so clients see it as firing.
		Instant endsAt = endsAt(alert, now);
		json.put("endsAt", AmTimes.format(endsAt));
		json.put("fingerprint", alert.fingerprint());
		json.put("receivers", selected.receivers().stream().map((name) -> Map.of("name", name)).toList());
		json.put("startsAt", AmTimes.format(alert.startsAt()));
		boolean suppressed = !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
		json.put("status", Map.of("state", suppressed ? "suppressed" : "active", "silencedBy", silencedBy,
				"inhibitedBy", inhibitedBy));
		json.put("updatedAt", AmTimes.format(alert.updatedAt()));
		// Left out when empty, as Alertmanager's omitempty does.
		if (!alert.generatorUrl().isEmpty()) {
			json.put("generatorURL", alert.generatorUrl());
		}
		json.put("labels", alert.labels().asMap());
		return json;
	}

	private record Selected(StoredAlert alert, List<String> receivers, List<String> silencedBy,
			List<String> inhibitedBy) {
	}

	private Instant endsAt(StoredAlert alert, Instant now) {
		return (alert.endsAt() != null) ? alert.endsAt() : now.plus(this.routing.resolveTimeout());
	}

	private Alert toAlert(StoredAlert alert, Instant now) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), endsAt(alert, now),
				alert.generatorUrl(), alert.updatedAt(), alert.acknowledged());
	}

	/**
	 * Returns the {@code filter} parameters as matchers, one matcher each as Alertmanager
	 * reads them (never split at commas, which regular expressions and values hold); 400
	 * naming the bad one.
	 */
	static Matchers filters(HttpServletRequest request) {
		String[] filter = request.getParameterValues("filter");
		List<Matcher> matchers = new ArrayList<>();
		for (String text : (filter != null) ? filter : new String[0]) {
			try {
				matchers.add(Matcher.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badParameter("filter", "bad filter '" + text + "': " + ex.getMessage());
			}
		}
		return Matchers.of(matchers);
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
