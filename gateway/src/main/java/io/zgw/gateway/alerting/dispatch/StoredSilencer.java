package io.zgw.gateway.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silencer;
import io.zgw.gateway.alerting.amapi.SilenceMuting;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.SilenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StoredSilencer answers the dispatcher from the silences in the database. Before a flush
 * it reads them again if this process saved a silence since the last read (so an API
 * change counts at the next flush) or the last read is older than the maximum age (so one
 * made on another replica counts within it); each read takes the silences active at any
 * time up to the maximum age ahead, and their times are checked when they are evaluated.
 * A recurring silence's named schedule is looked up in the routing file in use whenever
 * it is evaluated, so a reload that changes the interval changes the silence.
 */
final class StoredSilencer implements Silencer {

	private static final Logger log = LoggerFactory.getLogger(StoredSilencer.class);

	private final SilenceStore store;

	private final RoutingFile routing;

	private volatile SilenceMuting active;

	private volatile int unresolved;

	// Silences already warned about, so each gets one warning while it stays unresolved.
	private Set<String> warned = Set.of();

	private final Duration maxAge;

	private Instant readUntil = Instant.MIN;

	private long savesRead = -1;

	StoredSilencer(SilenceStore store, RoutingFile routing, Duration maxAge) {
		this.store = store;
		this.routing = routing;
		this.maxAge = maxAge;
		this.active = new SilenceMuting(List.of(), routing::timeInterval);
	}

	/**
	 * Reads the silences active from {@code now} on from the store when the last read is
	 * stale (see the class comment), and warns once about each whose schedule names a
	 * time interval the routing file no longer has: such a silence mutes nothing until
	 * the interval is back or the silence is replaced.
	 */
	void refresh(Instant now) {
		long saves = this.store.saves();
		SilenceMuting muting = this.active;
		if (saves != this.savesRead || !now.isBefore(this.readUntil)) {
			Instant until = now.plus(this.maxAge);
			muting = new SilenceMuting(this.store.activeBetween(now, until), this.routing::timeInterval);
			this.savesRead = saves;
			this.readUntil = until;
		}
		// Checked on every call, read or not: a reload may have removed an interval.
		Map<String, String> missing = muting.unresolvedSchedules();
		missing.forEach((id, name) -> {
			if (!this.warned.contains(id)) {
				log.warn("Silence {} is scheduled on time interval \"{}\", which the routing file no longer has; "
						+ "it mutes nothing until the interval is back", id, name);
			}
		});
		this.warned = Set.copyOf(missing.keySet());
		this.unresolved = missing.size();
		this.active = muting;
	}

	/**
	 * Returns how many active silences, at the last refresh, named a time interval the
	 * routing file does not have.
	 */
	int unresolvedSchedules() {
		return this.unresolved;
	}

	@Override
	public List<String> silencedBy(LabelSet labels, Instant now) {
		return this.active.silencedBy(labels, now);
	}

}
