package io.zgw.gateway.alerting.dispatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.StoredAlert;

/**
 * SharedProblems folds the Zabbix problems that share their labels into the one alert the
 * dispatcher knows by fingerprint. A trigger in Zabbix's multiple problem generation mode
 * opens several problems with the same labels, and the late recovery of a flapping
 * trigger's earlier problem can arrive after its next problem: the alert fires while any
 * of them is open and resolves when the last closes, instead of taking the state of
 * whichever event came last. Alertmanager-API alerts, one row per fingerprint, pass
 * through. Used by one thread at a time.
 */
final class SharedProblems {

	// The open problems of each fingerprint (and, until one is stored again, the
	// closed problems received with them).
	private final Map<String, Map<String, StoredAlert>> byFingerprint = new HashMap<>();

	/**
	 * Returns the alert the dispatcher is to see for {@code alert}'s fingerprint once it
	 * is received: while any of its problems is open, the earliest open one, acknowledged
	 * only if every open one is; else the last to close.
	 */
	StoredAlert fold(StoredAlert alert, Instant now) {
		if (alert.alertKey().startsWith(AlertUpsert.KEY_PREFIX)) {
			return alert;
		}
		String fingerprint = alert.fingerprint();
		Map<String, StoredAlert> problems = this.byFingerprint.computeIfAbsent(fingerprint, (f) -> new HashMap<>());
		problems.put(alert.alertKey(), alert);
		StoredAlert earliestOpen = null;
		StoredAlert lastClosed = null;
		boolean acknowledged = true;
		for (StoredAlert problem : problems.values()) {
			if (problem.firingAt(now)) {
				acknowledged &= problem.acknowledged();
				if (earliestOpen == null || problem.startsAt().isBefore(earliestOpen.startsAt())) {
					earliestOpen = problem;
				}
			}
			else if (lastClosed == null || problem.endsAt().isAfter(lastClosed.endsAt())) {
				lastClosed = problem;
			}
		}
		if (earliestOpen == null) {
			this.byFingerprint.remove(fingerprint);
			return lastClosed;
		}
		problems.values().removeIf((problem) -> !problem.firingAt(now));
		return (earliestOpen.acknowledged() == acknowledged) ? earliestOpen
				: new StoredAlert(earliestOpen.alertKey(), earliestOpen.source(), earliestOpen.labels(),
						earliestOpen.annotations(), earliestOpen.generatorUrl(), earliestOpen.startsAt(),
						earliestOpen.endsAt(), earliestOpen.updatedAt(), acknowledged);
	}

}
