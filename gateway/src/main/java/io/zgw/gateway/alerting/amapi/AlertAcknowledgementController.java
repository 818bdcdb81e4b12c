package io.zgw.gateway.alerting.amapi;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.gateway.alerting.dispatch.DispatchService;
import io.zgw.gateway.alerting.store.AlertAcknowledgements;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertAcknowledgementController is zgw's {@code POST
 * /api/v1/alerts/{fingerprint}/acknowledge}: somebody takes on a firing alert posted to
 * the Alertmanager API (or gives it back with {@code "acknowledge": false}), which stops
 * its escalation and, on routes with {@code repeat_acknowledged: false}, its reminders.
 * Alertmanager has no acknowledgement; a Zabbix problem is acknowledged in Zabbix or with
 * {@code POST /api/v1/problems/{id}/acknowledge}.
 */
@RestController
class AlertAcknowledgementController {

	// Zabbix's own limit on an acknowledgement message.
	private static final int MAX_MESSAGE = 2048;

	private final AlertReader reader;

	private final AlertAcknowledgements acknowledgements;

	private final DispatchService dispatch;

	private final Clock clock;

	AlertAcknowledgementController(AlertReader reader, AlertAcknowledgements acknowledgements, DispatchService dispatch,
			ObjectProvider<Clock> clock) {
		this.reader = reader;
		this.acknowledgements = acknowledgements;
		this.dispatch = dispatch;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/api/v1/alerts/{fingerprint}/acknowledge")
	Map<String, Object> acknowledge(ApiPrincipal principal, @PathVariable String fingerprint,
			@RequestBody(required = false) @Nullable AcknowledgeAlertRequest body) {
		VisibleAlerts.requireFingerprint(fingerprint);
		boolean acknowledge = body == null || body.acknowledge() == null || body.acknowledge();
		String message = (body != null) ? body.message() : null;
		if (message != null && message.length() > MAX_MESSAGE) {
			throw ApiException.badParameter("message", "message must be at most " + MAX_MESSAGE + " characters");
		}
		List<StoredAlert> visible = VisibleAlerts.byFingerprint(this.reader, principal, fingerprint);
		StoredAlert alert = visible.stream()
			.filter((candidate) -> candidate.alertKey().startsWith(AlertUpsert.KEY_PREFIX))
			.findFirst()
			.orElseThrow(() -> conflict("alert " + fingerprint + " comes from Zabbix: acknowledge its problem in "
					+ "Zabbix or with POST /api/v1/problems/" + problemId(visible.get(visible.size() - 1))
					+ "/acknowledge"));
		Instant now = this.clock.instant();
		if (!alert.endsAt().isAfter(now)) {
			throw conflict("alert " + fingerprint + " is resolved; only a firing alert can be acknowledged");
		}
		StoredAlert changed = this.acknowledgements.acknowledge(alert, acknowledge, principal.name(), message)
			.orElseThrow(() -> conflict("alert " + fingerprint + " resolved or fired anew meanwhile; read it again"));
		this.dispatch.acknowledgementChanged(changed);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("fingerprint", fingerprint);
		json.put("key", changed.alertKey());
		json.put("labels", changed.labels().asMap());
		json.put("startsAt", AmTimes.format(changed.startsAt()));
		json.put("acknowledged", changed.acknowledged());
		return json;
	}

	// zabbix:<shard>:<event id> is the problem <shard>:<event id> of the monitoring API.
	private static String problemId(StoredAlert alert) {
		return alert.alertKey().substring(alert.alertKey().indexOf(':') + 1);
	}

	private static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
	}

	/**
	 * AcknowledgeAlertRequest is the optional body of the acknowledgement.
	 *
	 * @param acknowledge false to withdraw an acknowledgement; true when absent
	 * @param message a comment recorded in the alert's history
	 */
	record AcknowledgeAlertRequest(@Nullable Boolean acknowledge, @Nullable String message) {
	}

}
