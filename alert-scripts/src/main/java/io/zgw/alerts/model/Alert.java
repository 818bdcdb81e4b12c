package io.zgw.alerts.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Alert is one alert as Alertmanager models it: labels for identity, annotations for
 * detail, and a time range that says whether it fires.
 *
 * @param labels identity of the alert; its fingerprint is the alert's key
 * @param annotations free-form detail, not part of identity
 * @param startsAt when the alert began firing
 * @param endsAt when it resolved, or, for a firing alert, when it is considered resolved
 * unless re-sent; null when the sender gave none
 * @param generatorUrl link back to the source
 * @param updatedAt when the gateway last received it
 * @param acknowledged whether somebody took it on (a Zabbix problem acknowledged in
 * Zabbix); a route with {@code repeat_acknowledged: false} stops reminding of it
 */
public record Alert(LabelSet labels, Map<String, String> annotations, Instant startsAt, @Nullable Instant endsAt,
		String generatorUrl, Instant updatedAt, boolean acknowledged) {

	public Alert {
		Objects.requireNonNull(labels, "labels");
		Objects.requireNonNull(startsAt, "startsAt");
		annotations = Map.copyOf(annotations);
		generatorUrl = (generatorUrl != null) ? generatorUrl : "";
	}

	/** An alert nobody acknowledged, as every alert posted to the Alertmanager API. */
	public Alert(LabelSet labels, Map<String, String> annotations, Instant startsAt, @Nullable Instant endsAt,
			String generatorUrl, Instant updatedAt) {
		this(labels, annotations, startsAt, endsAt, generatorUrl, updatedAt, false);
	}

	public String fingerprint() {
		return this.labels.fingerprintHex();
	}

	/** Returns whether the alert is resolved at the given instant. */
	public boolean resolvedAt(Instant now) {
		return this.endsAt != null && !this.endsAt.isAfter(now);
	}

}
