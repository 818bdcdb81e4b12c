package io.zgw.alerts.flap;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Starts remembers when each alert (by fingerprint) started firing, once per start (its
 * {@code startsAt}, to the millisecond, as the store keeps it), for as long as a window
 * needs; not thread-safe.
 */
public final class Starts {

	private final Duration window;

	private final Map<String, TreeSet<Instant>> byFingerprint = new HashMap<>();

	/** Remembers starts for {@code window}; a zero window remembers nothing. */
	public Starts(Duration window) {
		this.window = window;
	}

	/**
	 * Returns how far back starts are remembered; zero when no route detects flapping.
	 */
	public Duration window() {
		return this.window;
	}

	/**
	 * Records that the alert started at {@code startsAt}; a start seen before counts
	 * once.
	 */
	public void record(String fingerprint, Instant startsAt, Instant now) {
		if (this.window.isZero() || startsAt.isBefore(now.minus(this.window))) {
			return;
		}
		this.byFingerprint.computeIfAbsent(fingerprint, (key) -> new TreeSet<>())
			.add(startsAt.truncatedTo(ChronoUnit.MILLIS));
	}

	/** Returns how many starts of the alert lie in the window ending at {@code end}. */
	public int within(String fingerprint, Duration length, Instant end) {
		TreeSet<Instant> starts = this.byFingerprint.get(fingerprint);
		if (starts == null) {
			return 0;
		}
		return starts.subSet(end.minus(length), false, end, true).size();
	}

	/** Forgets the starts older than the window ending now. */
	public void forgetOld(Instant now) {
		Instant cutoff = now.minus(this.window);
		this.byFingerprint.values().forEach((starts) -> starts.headSet(cutoff).clear());
		this.byFingerprint.values().removeIf(TreeSet::isEmpty);
	}

	/** Adds every start the other remembers (a dispatcher rebuilt by a reload). */
	public void addAll(Starts other) {
		other.byFingerprint.forEach((fingerprint,
				starts) -> this.byFingerprint.computeIfAbsent(fingerprint, (key) -> new TreeSet<>()).addAll(starts));
	}

}
