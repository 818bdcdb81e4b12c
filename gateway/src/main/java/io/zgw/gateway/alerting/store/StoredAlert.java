package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.Map;

import io.zgw.alerts.model.LabelSet;
import org.jspecify.annotations.Nullable;

/**
 * StoredAlert is one row of the alert store as read back.
 *
 * @param alertKey store identity ({@code am:<SHA-256 of the labels>} or
 * {@code zabbix:<shard>:<event id>})
 * @param source {@code alertmanager} or {@code zabbix}
 * @param labels the alert's labels
 * @param annotations the alert's annotations
 * @param generatorUrl link back to the sender
 * @param startsAt when it began firing
 * @param endsAt when it resolves or resolved; null for a firing Zabbix problem
 * @param updatedAt when the store last changed it
 * @param acknowledged whether the problem was acknowledged in Zabbix
 */
public record StoredAlert(String alertKey, String source, LabelSet labels, Map<String, String> annotations,
		String generatorUrl, Instant startsAt, @Nullable Instant endsAt, Instant updatedAt, boolean acknowledged) {

	public String fingerprint() {
		return this.labels.fingerprintHex();
	}

	/**
	 * Whether it fires at {@code now}: a Zabbix problem until recovered, others until
	 * their end.
	 */
	public boolean firingAt(Instant now) {
		return this.endsAt == null || this.endsAt.isAfter(now);
	}

}
