package io.zgw.alerts.silence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.alerts.timeinterval.TimeInterval;
import org.jspecify.annotations.Nullable;

/**
 * SilenceSchedule makes a silence recurring (zgw extension): it then mutes only inside
 * the schedule's time intervals, between its start and end.
 */
public sealed interface SilenceSchedule {

	/**
	 * Returns whether the schedule contains the instant; named intervals are looked up in
	 * {@code timeIntervals} now, so a reload that changes one changes the schedule.
	 */
	boolean contains(Instant instant, Function<String, @Nullable NamedTimeInterval> timeIntervals);

	/**
	 * Named refers to a {@code time_intervals} entry of the configuration.
	 *
	 * @param name the time interval's name
	 */
	record Named(String name) implements SilenceSchedule {

		public Named {
			Objects.requireNonNull(name, "name");
		}

		/** Contains nothing when the interval no longer exists. */
		@Override
		public boolean contains(Instant instant, Function<String, @Nullable NamedTimeInterval> timeIntervals) {
			NamedTimeInterval interval = timeIntervals.apply(this.name);
			return interval != null && interval.contains(instant);
		}

	}

	/**
	 * Inline carries its own intervals, any of which may contain an instant.
	 *
	 * @param intervals the intervals, ORed
	 */
	record Inline(List<TimeInterval> intervals) implements SilenceSchedule {

		public Inline {
			intervals = List.copyOf(intervals);
			if (intervals.isEmpty()) {
				throw new IllegalArgumentException("inline schedule needs at least one time interval");
			}
		}

		@Override
		public boolean contains(Instant instant, Function<String, @Nullable NamedTimeInterval> timeIntervals) {
			return NamedTimeInterval.containsAny(this.intervals, instant);
		}

	}

}
