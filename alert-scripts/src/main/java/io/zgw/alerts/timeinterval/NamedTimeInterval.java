package io.zgw.alerts.timeinterval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * NamedTimeInterval is a top-level {@code time_intervals} (or legacy
 * {@code mute_time_intervals}) entry: a name and intervals of which any may contain an
 * instant.
 *
 * @param name the name routes and silences refer to
 * @param intervals the intervals, ORed
 */
public record NamedTimeInterval(String name, List<TimeInterval> intervals) {

	public NamedTimeInterval {
		Objects.requireNonNull(name, "name");
		intervals = List.copyOf(intervals);
	}

	/** Returns whether any of the intervals contains the instant. */
	public boolean contains(Instant instant) {
		return containsAny(this.intervals, instant);
	}

	/** Returns whether any of the given intervals contains the instant. */
	public static boolean containsAny(List<TimeInterval> intervals, Instant instant) {
		for (TimeInterval interval : intervals) {
			if (interval.contains(instant)) {
				return true;
			}
		}
		return false;
	}

}
