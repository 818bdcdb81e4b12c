package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * EscalationStep is one step of a route's {@code escalation} (zgw extension): once a
 * group has fired unacknowledged for {@code after}, page a receiver, or whoever an
 * on-call schedule names at that moment.
 *
 * @param after how long after the group's escalation began the step is reached
 * @param receiver the receiver paged, or null when a schedule names it
 * @param schedule the on-call schedule whose member is paged, or null when a receiver is
 * named
 */
public record EscalationStep(Duration after, @Nullable String receiver, @Nullable String schedule) {

	public EscalationStep {
		Objects.requireNonNull(after, "after");
		if ((receiver == null) == (schedule == null)) {
			throw new IllegalArgumentException("a step names either a receiver or a schedule");
		}
	}

	/**
	 * Returns the receiver the step pages when reached at the instant: its receiver, or
	 * the schedule's member on call then (empty when nobody is).
	 */
	public Optional<String> target(Map<String, OnCallSchedule> schedules, Instant at) {
		if (this.receiver != null) {
			return Optional.of(this.receiver);
		}
		return schedules.get(this.schedule).onCall(at);
	}

}
