package io.zgw.alerts.silence;

import java.util.List;
import java.util.Objects;

import io.zgw.alerts.timeinterval.TimeInterval;

/**
 * SilenceSchedule makes a silence recurring (zgw extension): it then mutes only inside
 * the schedule's time intervals, between its start and end.
 */
public sealed interface SilenceSchedule {

	/**
	 * Named refers to a {@code time_intervals} entry of the configuration.
	 *
	 * @param name the time interval's name
	 */
	record Named(String name) implements SilenceSchedule {

		public Named {
			Objects.requireNonNull(name, "name");
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

	}

}
