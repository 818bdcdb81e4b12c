package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.model.Sha256;

/**
 * AlertUpsert is one alert received on the Alertmanager API, with startsAt and endsAt
 * already defaulted, ready for the {@link AlertWriter}.
 *
 * @param labels identity of the alert
 * @param annotations detail, replaced on every re-send
 * @param generatorUrl link back to the sender
 * @param startsAt when it began firing
 * @param endsAt when it resolves (or resolved) unless re-sent
 * @param timeout whether {@code endsAt} is a timeout (the alert came without one) rather
 * than an end its sender gave, which a re-send with an earlier end does not shorten
 */
public record AlertUpsert(LabelSet labels, Map<String, String> annotations, String generatorUrl, Instant startsAt,
		Instant endsAt, boolean timeout) {

	/**
	 * Prefix of the store key of alerts received on the Alertmanager API; the rest is
	 * {@link #keyOf}'s digest of the labels.
	 */
	public static final String KEY_PREFIX = "am:";

	/**
	 * Returns the store key of the alert whose labels the store writes as
	 * {@code labelsJson}: the SHA-256 of that text (as MySQL's {@code SHA2(labels, 256)}
	 * computes it), not the 64-bit fingerprint, for which another label set, of another
	 * business line, can be found in a second and would overwrite this alert.
	 */
	public static String keyOf(String labelsJson) {
		return KEY_PREFIX + Sha256.hex(labelsJson);
	}

	public AlertUpsert {
		Objects.requireNonNull(labels, "labels");
		Objects.requireNonNull(startsAt, "startsAt");
		Objects.requireNonNull(endsAt, "endsAt");
		annotations = Map.copyOf(annotations);
		generatorUrl = (generatorUrl != null) ? generatorUrl : "";
	}

}
