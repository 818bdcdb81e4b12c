package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.zgw.alerts.model.LabelSet;

/**
 * AlertUpsert is one alert received on the Alertmanager API, with startsAt and endsAt
 * already defaulted, ready for the {@link AlertWriter}.
 *
 * @param labels identity of the alert
 * @param annotations detail, replaced on every re-send
 * @param generatorUrl link back to the sender
 * @param startsAt when it began firing
 * @param endsAt when it resolves (or resolved) unless re-sent
 */
public record AlertUpsert(LabelSet labels, Map<String, String> annotations, String generatorUrl, Instant startsAt,
		Instant endsAt) {

	/**
	 * Prefix of the store key of alerts received on the Alertmanager API; the rest is the
	 * label fingerprint, Alertmanager's identity of an alert.
	 */
	public static final String KEY_PREFIX = "am:";

	public AlertUpsert {
		Objects.requireNonNull(labels, "labels");
		Objects.requireNonNull(startsAt, "startsAt");
		Objects.requireNonNull(endsAt, "endsAt");
		annotations = Map.copyOf(annotations);
		generatorUrl = (generatorUrl != null) ? generatorUrl : "";
	}

}
