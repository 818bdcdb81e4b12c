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
import io.zgw.gateway.query.Acknowledger;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.ShardQualifiedId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertAcknowledgementController is zgw's {@code POST
 * /api/v1/alerts/{fingerprint}/acknowledge}: somebody takes on a firing alert (or gives
 * it back with {@code "acknowledge": false}), which stops its escalation and, on routes
 * with {@code repeat_acknowledged: false}, its reminders. Alertmanager has no
 * acknowledgement. An alert posted to the Alertmanager API is acknowledged in zgw's
 * store; one from Zabbix in Zabbix, on the shard that owns its problem (as {@code POST
 * /api/v1/problems/{id}/acknowledge} does), whose update webhook then brings the
 * acknowledgement to the alert, as for one made in Zabbix's frontend.
 */
@RestController
class AlertAcknowledgementController {

	private final AlertReader reader;

	private final AlertAcknowledgements acknowledgements;

	private final DispatchService dispatch;

	private final Acknowledger zabbix;

	private final Clock clock;

	AlertAcknowledgementController(AlertReader reader, AlertAcknowledgements acknowledgements, DispatchService dispatch,
			Acknowledger zabbix, ObjectProvider<Clock> clock) {
		this.reader = reader;
		this.acknowledgements = acknowledgements;
		this.dispatch = dispatch;
		this.zabbix = zabbix;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/api/v1/alerts/{fingerprint}/acknowledge")
	Map<String, Object> acknowledge(ApiPrincipal principal, @PathVariable String fingerprint,
			@RequestBody(required = false) @Nullable AcknowledgeAlertRequest body) {
		VisibleAlerts.requireFingerprint(fingerprint);
		boolean acknowledge = body == null || body.acknowledge() == null || body.acknowledge();
		String message = (body != null) ? body.message() : null;
		if (message != null && message.length() > Acknowledger.MAX_MESSAGE) {
			throw ApiException.badParameter("message",
					"message must be at most " + Acknowledger.MAX_MESSAGE + " characters");
		}
		List<StoredAlert> visible = VisibleAlerts.byFingerprint(this.reader, principal, fingerprint);
		Instant now = this.clock.instant();
		// Oldest first: of a Zabbix trigger's problems with these labels, the latest.
		StoredAlert alert = visible.stream()
			.filter((candidate) -> candidate.firingAt(now))
			.reduce((earlier, later) -> later)
			.orElseThrow(
					() -> conflict("alert " + fingerprint + " is resolved; only a firing alert can be acknowledged"));
		if (!alert.alertKey().startsWith(AlertUpsert.KEY_PREFIX)) {
			// Zabbix records the gateway's API user: the note names who it was.
			String note = "(via zgw, key " + principal.name() + ")";
			String text = (message != null && !message.isBlank()) ? message + " " + note : note;
			if (text.length() > Acknowledger.MAX_MESSAGE) {
				throw ApiException.badParameter("message",
						"message must be at most " + (Acknowledger.MAX_MESSAGE - note.length() - 1)
								+ " characters for Zabbix, which also gets " + note);
			}
			ShardQualifiedId problem = ShardQualifiedId.parse(problemId(alert));
			this.zabbix.acknowledge(problem, acknowledge, text);
			Map<String, Object> json = answer(fingerprint, alert, acknowledge);
			json.put("problem", problem.toString());
			return json;
		}
		StoredAlert changed = this.acknowledgements.acknowledge(alert, acknowledge, principal.name(), message)
			.orElseThrow(() -> conflict("alert " + fingerprint + " resolved or fired anew meanwhile; read it again"));
		this.dispatch.acknowledgementChanged(changed);
		return answer(fingerprint, changed, changed.acknowledged());
	}

	private static Map<String, Object> answer(String fingerprint, StoredAlert alert, boolean acknowledged) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("fingerprint", fingerprint);
		json.put("key", alert.alertKey());
		json.put("labels", alert.labels().asMap());
		json.put("startsAt", AmTimes.format(alert.startsAt()));
		json.put("acknowledged", acknowledged);
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
