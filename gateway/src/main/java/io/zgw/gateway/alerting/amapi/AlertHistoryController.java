package io.zgw.gateway.alerting.amapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertHistoryController is zgw's {@code GET /api/v1/alerts/history}: every stored alert
 * with a label fingerprint (as in Alertmanager's API and webhook payloads) that the
 * caller's business lines may see, each with its recorded state changes. Alertmanager
 * keeps no history; this is what zgw's store adds.
 */
@RestController
class AlertHistoryController {

	private static final int DEFAULT_LIMIT = 500;

	private static final int MAX_LIMIT = 10_000;

	private final AlertReader reader;

	private final JsonMapper json;

	private final Clock clock;

	AlertHistoryController(AlertReader reader, JsonMapper json, ObjectProvider<Clock> clock) {
		this.reader = reader;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/v1/alerts/history")
	Map<String, Object> history(ApiPrincipal principal, @RequestParam(required = false) @Nullable String fingerprint,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		VisibleAlerts.requireFingerprint(fingerprint);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badParameter("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		Instant now = this.clock.instant();
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (StoredAlert alert : VisibleAlerts.byFingerprint(this.reader, principal, fingerprint)) {
			alerts.add(withHistory(alert, limit, now));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fingerprint", fingerprint);
		body.put("alerts", alerts);
		return body;
	}

	private Map<String, Object> withHistory(StoredAlert alert, int limit, Instant now) {
		// One more than asked tells whether older entries were left out.
		List<AlertReader.HistoryEntry> entries = this.reader.latestHistory(alert.alertKey(), limit + 1);
		boolean truncated = entries.size() > limit;
		List<Map<String, Object>> history = new ArrayList<>();
		for (AlertReader.HistoryEntry entry : truncated ? entries.subList(1, entries.size()) : entries) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("kind", entry.kind());
			change.put("source", entry.source());
			change.put("occurredAt", AmTimes.format(entry.occurredAt()));
			change.put("detail", (entry.detail() != null) ? this.json.readTree(entry.detail()) : null);
			history.add(change);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", alert.alertKey());
		json.put("source", alert.source());
		json.put("status", alert.firingAt(now) ? "firing" : "resolved");
		json.put("labels", alert.labels().asMap());
		json.put("annotations", alert.annotations());
		json.put("startsAt", AmTimes.format(alert.startsAt()));
		json.put("endsAt", (alert.endsAt() != null) ? AmTimes.format(alert.endsAt()) : null);
		json.put("updatedAt", AmTimes.format(alert.updatedAt()));
		json.put("acknowledged", alert.acknowledged());
		json.put("history", history);
		json.put("historyTruncated", truncated);
		return json;
	}

}
