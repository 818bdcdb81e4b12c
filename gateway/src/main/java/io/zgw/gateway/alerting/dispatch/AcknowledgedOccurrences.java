package io.zgw.gateway.alerting.dispatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.StoredAlert;

/**
 * AcknowledgedOccurrences remembers which firing occurrence (store key and startsAt) of
 * each Alertmanager-API alert somebody acknowledged. The group-commit writer publishes a
 * re-sent alert without reading its row, so the flag it publishes says nothing; the
 * store's rows and the acknowledgement API do.
 */
final class AcknowledgedOccurrences {

	private final Map<String, Instant> occurrences = new ConcurrentHashMap<>();

	/** Learns from an alert read from the store or changed through the API. */
	void learn(StoredAlert alert) {
		if (!alert.alertKey().startsWith(AlertUpsert.KEY_PREFIX)) {
			return;
		}
		Instant occurrence = occurrence(alert);
		if (alert.acknowledged()) {
			this.occurrences.put(alert.alertKey(), occurrence);
		}
		else {
			// Unless a read that raced with a newer acknowledgement.
			this.occurrences.computeIfPresent(alert.alertKey(),
					(key, startsAt) -> startsAt.isAfter(occurrence) ? startsAt : null);
		}
	}

	/**
	 * Returns whether the alert is acknowledged: as its source says for a Zabbix problem;
	 * for an Alertmanager-API alert, whether this occurrence was acknowledged.
	 */
	boolean acknowledged(StoredAlert alert) {
		if (alert.acknowledged() || !alert.alertKey().startsWith(AlertUpsert.KEY_PREFIX)) {
			return alert.acknowledged();
		}
		return occurrence(alert).equals(this.occurrences.get(alert.alertKey()));
	}

	// The store keeps milliseconds; the writer publishes the time it was given.
	private static Instant occurrence(StoredAlert alert) {
		return alert.startsAt().truncatedTo(ChronoUnit.MILLIS);
	}

}
