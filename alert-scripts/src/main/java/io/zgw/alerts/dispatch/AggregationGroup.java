package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;

/**
 * AggregationGroup holds the alerts of one route with equal group labels and the timer
 * state of their notifications.
 */
final class AggregationGroup {

	final Route route;

	final LabelSet labels;

	final String groupKey;

	// Tells apart groups of different routes that render the same group key.
	final long serial;

	private final Map<String, Alert> alerts = new LinkedHashMap<>();

	Instant nextFlush;

	boolean hasFlushed;

	AggregationGroup(Route route, LabelSet labels, Instant now, long serial) {
		this.route = route;
		this.labels = labels;
		this.groupKey = route.groupKey(labels);
		this.serial = serial;
		this.nextFlush = now.plus(route.options().groupWait());
	}

	void insert(Alert alert, Instant now) {
		this.alerts.put(alert.fingerprint(), alert);
		// As Alertmanager: an alert older than group_wait flushes a fresh group at once,
		// which is what happens when groups are rebuilt after a restart.
		if (!this.hasFlushed && alert.startsAt().plus(this.route.options().groupWait()).isBefore(now)
				&& now.isBefore(this.nextFlush)) {
			this.nextFlush = now;
		}
	}

	/** The group's place in the dispatcher's flush schedule, as of now. */
	Due due() {
		return new Due(this.nextFlush, this.groupKey, this.serial);
	}

	List<Alert> sortedAlerts() {
		List<Alert> sorted = new ArrayList<>(this.alerts.values());
		sorted.sort(AlertOrder.INSTANCE);
		return sorted;
	}

	Collection<Alert> alerts() {
		return this.alerts.values();
	}

	/** Removes the resolved alerts that were flushed, unless they changed since. */
	void deleteIfNotModified(Collection<Alert> flushedResolved) {
		for (Alert alert : flushedResolved) {
			this.alerts.remove(alert.fingerprint(), alert);
		}
	}

	boolean isEmpty() {
		return this.alerts.isEmpty();
	}

	GroupSnapshot snapshot() {
		return new GroupSnapshot(this.groupKey, this.route, this.labels, sortedAlerts(), this.nextFlush);
	}

	/** Orders groups by when they are due, then by group key, as the flushes run. */
	record Due(Instant at, String groupKey, long serial) implements Comparable<Due> {

		private static final Comparator<Due> ORDER = Comparator.comparing(Due::at)
			.thenComparing(Due::groupKey)
			.thenComparingLong(Due::serial);

		@Override
		public int compareTo(Due other) {
			return ORDER.compare(this, other);
		}

	}

}
