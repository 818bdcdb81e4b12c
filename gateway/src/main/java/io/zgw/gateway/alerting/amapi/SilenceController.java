package io.zgw.gateway.alerting.amapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.model.GoStrings;
import io.zgw.alerts.silence.SilenceSchedule;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredSilence;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import io.zgw.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SilenceController is Alertmanager API v2's silence endpoints: list, create or update,
 * get, and expire (never delete) silences, with Alertmanager's validation and update
 * rules, plus zgw's recurring silences: an optional {@code zgwSchedule} naming a
 * {@code time_intervals} entry of the routing file or carrying time intervals, and
 * {@code zgwMutingNow} telling whether a silence mutes at this instant.
 */
@RestController
class SilenceController {

	private final SilenceStore store;

	private final RoutingFile routing;

	private final Clock clock;

	private final AlertingProperties properties;

	private final JsonMapper json;

	SilenceController(SilenceStore store, RoutingFile routing, ObjectProvider<Clock> clock,
			AlertingProperties properties, JsonMapper json) {
		this.store = store;
		this.routing = routing;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.properties = properties;
		this.json = json;
	}

	@GetMapping("/api/v2/silences")
	List<Map<String, Object>> silences(ApiPrincipal principal, HttpServletRequest request) {
		Instant now = this.clock.instant();
		List<Matcher> filters = AlertQueryController.filters(request).asList();
		List<StoredSilence> result = new ArrayList<>();
		for (StoredSilence silence : this.store.all()) {
			if (visible(principal, silence) && hasEvery(silence, filters)) {
				result.add(silence);
			}
		}
		// Alertmanager's order: active by end, pending by start, expired most recent
		// first.
		result.sort(Comparator.comparingInt((StoredSilence s) -> stateOrder(s.state(now)))
			.thenComparingLong((StoredSilence s) -> switch (s.state(now)) {
				case "active" -> s.endsAt().toEpochMilli();
				case "pending" -> s.startsAt().toEpochMilli();
				default -> -s.endsAt().toEpochMilli();
			}));
		return result.stream().map((silence) -> gettable(silence, now)).toList();
	}

	@GetMapping("/api/v2/silence/{id}")
	Map<String, Object> silence(ApiPrincipal principal, @PathVariable String id) {
		return gettable(findVisible(principal, id), this.clock.instant());
	}

	@DeleteMapping("/api/v2/silence/{id}")
	void expire(ApiPrincipal principal, @PathVariable String id) {
		StoredSilence silence = findVisible(principal, id);
		Instant now = this.clock.instant();
		// Already expired: nothing to do, and not an error for the caller.
		if (!silence.state(now).equals("expired")) {
			this.store.save(silence.expiredAt(now));
		}
	}

	// The body is read with the ingest endpoints' size limit (413 beyond it): every field
	// fits its column then.
	@PostMapping("/api/v2/silences")
	Map<String, String> post(ApiPrincipal principal, HttpServletRequest request) {
		JsonNode body = RequestBodies.readJson(request, this.properties.maxBodySize(), this.json);
		Instant now = this.clock.instant();
		if (!body.isObject()) {
			throw ApiException.badParameter("body", "body must be a postableSilence JSON object");
		}
		List<StoredSilence.Matcher> matchers = matchers(body.get("matchers"));
		Instant startsAt = required(AmTimes.parse(body.get("startsAt"), "startsAt"), "startsAt");
		Instant endsAt = required(AmTimes.parse(body.get("endsAt"), "endsAt"), "endsAt");
		JsonNode idNode = body.get("id");
		if (idNode != null && !idNode.isNull() && !idNode.isString()) {
			throw ApiException.badParameter("id", "id must be a string");
		}
		String id = text(idNode);
		Optional<StoredSilence> previous = id.isEmpty() ? Optional.empty() : Optional.of(findVisible(principal, id));
		// An update that leaves zgwSchedule out keeps the silence's schedule: amtool's
		// "silence update" sends back only the fields it knows. An explicit null removes
		// it.
		JsonNode schedule = body.has(SilenceMuting.SCHEDULE_FIELD) ? schedule(body.get(SilenceMuting.SCHEDULE_FIELD))
				: schedule(previous.map(StoredSilence::schedule).orElse(null));
		validate(new StoredSilence("new", matchers, startsAt, endsAt, "", "", schedule, now));
		if (!endsAt.isAfter(now)) {
			throw ApiException.badParameter("endsAt", "endsAt can't be in the past");
		}
		requireScoped(principal, matchers);
		String createdBy = requiredText(body, "createdBy");
		String comment = requiredText(body, "comment");
		Instant effectiveStart = startsAt.isBefore(now) ? now : startsAt;
		if (previous.isPresent() && canUpdateInPlace(previous.get(), matchers, schedule, startsAt, now)) {
			StoredSilence prior = previous.get();
			Instant start = prior.state(now).equals("active") ? prior.startsAt() : effectiveStart;
			this.store.save(new StoredSilence(prior.id(), matchers, start, endsAt, createdBy, comment, schedule, now));
			return Map.of("silenceID", prior.id());
		}
		previous.filter((prior) -> !prior.state(now).equals("expired"))
			.ifPresent((prior) -> this.store.save(prior.expiredAt(now)));
		String newId = UUID.randomUUID().toString();
		this.store
			.create(new StoredSilence(newId, matchers, effectiveStart, endsAt, createdBy, comment, schedule, now));
		return Map.of("silenceID", newId);
	}

	// Alertmanager updates in place only when matchers are unchanged and the change does
	// not rewrite the past; otherwise it expires the old silence and creates a new one. A
	// changed schedule counts like changed matchers: it would rewrite what the silence
	// muted so far.
	private static boolean canUpdateInPlace(StoredSilence prior, List<StoredSilence.Matcher> matchers,
			@Nullable JsonNode schedule, Instant startsAt, Instant now) {
		if (!prior.matchers().equals(matchers) || !Objects.equals(prior.schedule(), schedule)) {
			return false;
		}
		return switch (prior.state(now)) {
			case "pending" -> !startsAt.isBefore(now);
			case "active" -> startsAt.equals(prior.startsAt());
			default -> false;
		};
	}

	private static List<StoredSilence.Matcher> matchers(@Nullable JsonNode node) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			throw ApiException.badParameter("matchers", "matchers must be a non-empty array");
		}
		List<StoredSilence.Matcher> matchers = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode m = node.get(i);
			String field = "matchers[" + i + "]";
			String name = text(m.get("name"));
			if (!isLabelName(name)) {
				throw ApiException.badParameter(field + ".name", field + ".name '" + name + "' is not a label name");
			}
			JsonNode valueNode = m.get("value");
			if (valueNode == null || !valueNode.isString()) {
				throw ApiException.badParameter(field + ".value", field + ".value must be a string");
			}
			StoredSilence.Matcher matcher = new StoredSilence.Matcher(name,
					GoStrings.wellFormed(valueNode.stringValue()), flag(m, "isRegex", field, false),
					flag(m, "isEqual", field, true));
			try {
				SilenceMuting.toMatcher(matcher);
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badParameter(field + ".value", field + ".value: " + ex.getMessage());
			}
			matchers.add(matcher);
		}
		return matchers;
	}

	// A recurring schedule, checked with the alert-rule library's time interval parser; a
	// named one must exist in the routing file now (a later reload may still remove it).
	private @Nullable JsonNode schedule(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		SilenceSchedule schedule;
		try {
			schedule = SilenceMuting.schedule(node);
		}
		catch (ConfigException ex) {
			throw ApiException.badParameter(ex.path(), ex.getMessage());
		}
		if (schedule instanceof SilenceSchedule.Named named && this.routing.timeInterval(named.name()) == null) {
			throw ApiException.badParameter(SilenceMuting.SCHEDULE_FIELD + ".timeInterval",
					SilenceMuting.SCHEDULE_FIELD + ".timeInterval: unknown time interval \"" + named.name()
							+ "\" (not in the routing file's time_intervals)");
		}
		return node;
	}

	// The alert-rule library's checks; its messages start with the field name.
	private static void validate(StoredSilence silence) {
		try {
			SilenceMuting.toSilence(silence).validate();
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			int colon = message.indexOf(':');
			throw ApiException.badParameter((colon > 0) ? message.substring(0, colon) : "body", message);
		}
	}

	// A key limited to some business lines sees, creates and expires only silences pinned
	// to one of them by an equality matcher on business_line; others are not found.
	private StoredSilence findVisible(ApiPrincipal principal, String id) {
		return this.store.find(id)
			.filter((silence) -> visible(principal, silence))
			.orElseThrow(() -> ApiException.notFound("silence " + id + " not found"));
	}

	private static boolean visible(ApiPrincipal principal, StoredSilence silence) {
		return principal.seesAll() || pinnedBusinessLine(silence.matchers()).filter(principal::canSee).isPresent();
	}

	private static void requireScoped(ApiPrincipal principal, List<StoredSilence.Matcher> matchers) {
		if (principal.seesAll()) {
			return;
		}
		String line = pinnedBusinessLine(matchers).orElseThrow(() -> ApiException.forbidden("API key '"
				+ principal.name() + "' sees only some business lines: add a matcher business_line=\"<line>\""));
		principal.requireVisible(line);
	}

	private static Optional<String> pinnedBusinessLine(List<StoredSilence.Matcher> matchers) {
		return matchers.stream()
			.filter((m) -> m.name().equals("business_line") && m.isEqual() && !m.isRegex())
			.map(StoredSilence.Matcher::value)
			.findFirst();
	}

	private Map<String, Object> gettable(StoredSilence silence, Instant now) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", silence.id());
		json.put("status", Map.of("state", silence.state(now)));
		json.put("updatedAt", AmTimes.format(silence.updatedAt()));
		json.put("comment", silence.comment());
		json.put("createdBy", silence.createdBy());
		json.put("endsAt", AmTimes.format(silence.endsAt()));
		json.put("matchers", silence.matchers());
		json.put("startsAt", AmTimes.format(silence.startsAt()));
		if (silence.schedule() != null) {
			json.put(SilenceMuting.SCHEDULE_FIELD, silence.schedule());
		}
		json.put("zgwMutingNow", SilenceMuting.toSilence(silence).inEffect(now, this.routing::timeInterval));
		return json;
	}

	// As Alertmanager: a silence passes a filter when every filter matcher is one of
	// its own, by name, type and value (alertname=~"Host.*" finds the silence written
	// so, not those of alerts it would match).
	private static boolean hasEvery(StoredSilence silence, List<Matcher> filters) {
		List<Matcher> own = silence.matchers().stream().map(SilenceMuting::toMatcher).toList();
		return own.containsAll(filters);
	}

	private static int stateOrder(String state) {
		return switch (state) {
			case "active" -> 0;
			case "pending" -> 1;
			default -> 2;
		};
	}

	private static boolean isLabelName(String name) {
		return name.matches("[a-zA-Z_][a-zA-Z0-9_]*");
	}

	private static Instant required(@Nullable Instant value, String field) {
		if (value == null) {
			throw ApiException.badParameter(field, field + " is required");
		}
		return value;
	}

	// Present, as Alertmanager's API requires; empty is accepted, as it accepts it.
	private static String requiredText(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			throw ApiException.badParameter(field, field + " is required");
		}
		if (!value.isString()) {
			throw ApiException.badParameter(field, field + " must be a string");
		}
		return GoStrings.wellFormed(value.stringValue());
	}

	// A JSON boolean, as Alertmanager's API requires: "yes" or 0 was read as false, and
	// "isEqual": "no" as a positive matcher. An absent one is the default (isRegex
	// false, isEqual true), where Alertmanager requires isRegex.
	private static boolean flag(JsonNode matcher, String name, String field, boolean absent) {
		JsonNode value = matcher.get(name);
		String path = field + "." + name;
		if (value == null || value.isNull()) {
			return absent;
		}
		if (!value.isBoolean()) {
			throw ApiException.badParameter(path, path + " must be true or false, not " + value);
		}
		return value.booleanValue();
	}

	private static String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : "";
	}

}
