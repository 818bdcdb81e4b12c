package io.zgw.alerts.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * ScheduleOverride puts a receiver on call in place of the rotations from {@code start}
 * (inclusive) to {@code end} (exclusive): a swap, a holiday cover.
 *
 * @param receiver receiver name
 * @param start when the override begins
 * @param end when it ends, after start
 */
public record ScheduleOverride(String receiver, Instant start, Instant end) {

	public ScheduleOverride {
		Objects.requireNonNull(receiver, "receiver");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("an override must end after it starts");
		}
	}

	/** Returns whether the override is in force at the instant. */
	public boolean covers(Instant at) {
		return !at.isBefore(this.start) && at.isBefore(this.end);
	}

}
