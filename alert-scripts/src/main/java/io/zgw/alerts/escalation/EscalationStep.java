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
 * on-call schedule names at that moment; or, as the last step, start the chain over from
 * its first step (PagerDuty's "repeat this policy", Grafana OnCall's "repeat escalation
 * from the beginning").
 *
 * @param after how long after the group's escalation began the step is reached
 * @param receiver the receiver paged, or null when a schedule names it or the step starts
 * over
 * @param schedule the on-call schedule whose member is paged, or null when a receiver is
 * named or the step starts over
 * @param repeat for the step that starts over, how many times the chain is started over
 * at most (at least 1); 0 for a step that pages
 */
public record EscalationStep(Duration after, @Nullable String receiver, @Nullable String schedule, int repeat) {

	public EscalationStep {
		Objects.requireNonNull(after, "after");
		if (repeat < 0) {
			throw new IllegalArgumentException("repeat must not be negative");
		}
		if (repeat > 0 && (receiver != null || schedule != null)) {
			throw new IllegalArgumentException("a step that starts over pages no one itself");
		}
		if (repeat == 0 && (receiver == null) == (schedule == null)) {
			throw new IllegalArgumentException("a step names either a receiver or a schedule");
		}
	}

	/** A step that pages a receiver, or whoever the schedule names. */
	public EscalationStep(Duration after, @Nullable String receiver, @Nullable String schedule) {
		this(after, receiver, schedule, 0);
	}

	/** Whether the step starts the chain over rather than paging. */
	public boolean startsOver() {
		return this.repeat > 0;
	}

	/**
	 * Returns the receiver the step pages when reached at the instant: its receiver, or
	 * the schedule's member on call then (empty when nobody is, or for a step that starts
	 * over).
	 */
	public Optional<String> target(Map<String, OnCallSchedule> schedules, Instant at) {
		if (this.receiver != null) {
			return Optional.of(this.receiver);
		}
		return (this.schedule != null) ? schedules.get(this.schedule).onCall(at) : Optional.empty();
	}

}
