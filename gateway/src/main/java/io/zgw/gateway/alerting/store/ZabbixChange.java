package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.zgw.alerts.model.LabelSet;
import org.jspecify.annotations.Nullable;

/**
 * ZabbixChange is one Zabbix webhook delivery translated for the store: which event of
 * which shard, what kind of message it was, and what it changes.
 *
 * @param shard the shard (Zabbix instance) that sent it
 * @param eventId the problem event id, unique only within the shard
 * @param life when the problem began by the shard's clock, as written (its date and time
 * read as UTC, so a change of zabbix-time-zone changes nothing), in seconds: tells an
 * event id the shard hands out again (its database restored or created anew) from a retry
 * @param kind problem, recovery or update
 * @param idempotencyKey distinguishes deliveries of the same event and kind (a replay has
 * the same key and changes nothing)
 * @param labels the alert's labels, used only when the store has not seen the event yet
 * @param annotations annotations to set (merged over the stored ones)
 * @param startsAt when the problem began
 * @param endsAt when it recovered (recovery only)
 * @param acknowledged the new acknowledgement state, when the message changes it
 * @param historyKind the state change to record
 * @param occurredAt when it happened in Zabbix
 * @param detail JSON detail for the history entry
 */
public record ZabbixChange(String shard, long eventId, long life, Kind kind, String idempotencyKey, LabelSet labels,
		Map<String, String> annotations, Instant startsAt, @Nullable Instant endsAt, @Nullable Boolean acknowledged,
		ChangeKind historyKind, Instant occurredAt, String detail) {

	/** Source name stored for alerts that came from Zabbix. */
	public static final String SOURCE = "zabbix";

	public ZabbixChange {
		Objects.requireNonNull(kind, "kind");
		annotations = Map.copyOf(annotations);
	}

	/** Returns the store key; event ids are unique per shard only. */
	public String alertKey() {
		return SOURCE + ":" + this.shard + ":" + this.eventId;
	}

	/** Kind is the kind of Zabbix message. */
	public enum Kind {

		/** The problem started. */
		PROBLEM,
		/** The problem recovered. */
		RECOVERY,
		/** An update operation (acknowledge, comment, severity change, close). */
		UPDATE

	}

}
