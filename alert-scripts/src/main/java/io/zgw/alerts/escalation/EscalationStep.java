package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * EscalationStep is one step of a route's {@code escalation} (zgw extension): once a
 * group has fired unacknowledged for {@code after}, page a receiver, whoever an on-call
 * schedule names at that moment, or the next of a round-robin list in turn (Grafana
 * OnCall's "notify users one by one", PagerDuty's round robin scheduling); or, as the
 * last step, start the chain over from its first step (PagerDuty's "repeat this policy",
 * Grafana OnCall's "repeat escalation from the beginning").
 *
 * @param after how long after the group's escalation began the step is reached
 * @param receiver the receiver paged, or null when another target is named or the step
 * starts over
 * @param schedule the on-call schedule whose member is paged, or null when another target
 * is named or the step starts over
 * @param repeat for the step that starts over, how many times the chain is started over
 * at most (at least 1); 0 for a step that pages
 * @param roundRobin receivers that take the step's pages in turn, one per escalation;
 * empty when another target is named or the step starts over
 */
public record EscalationStep(Duration after, @Nullable String receiver, @Nullable String schedule, int repeat,
		List<String> roundRobin) {

	public EscalationStep {
		Objects.requireNonNull(after, "after");
		roundRobin = List.copyOf(roundRobin);
		if (repeat < 0) {
			throw new IllegalArgumentException("repeat must not be negative");
		}
		int targets = ((receiver != null) ? 1 : 0) + ((schedule != null) ? 1 : 0) + (roundRobin.isEmpty() ? 0 : 1);
		if (repeat > 0 && targets > 0) {
			throw new IllegalArgumentException("a step that starts over pages no one itself");
		}
		if (repeat == 0 && targets != 1) {
			throw new IllegalArgumentException("a step names one of a receiver, a schedule or a round-robin list");
		}
		if (new HashSet<>(roundRobin).size() != roundRobin.size()) {
			throw new IllegalArgumentException("a round-robin list names each receiver once");
		}
	}

	/** A step that pages a receiver, or whoever the schedule names. */
	public EscalationStep(Duration after, @Nullable String receiver, @Nullable String schedule) {
		this(after, receiver, schedule, 0, List.of());
	}

	/** A step that starts the chain over, {@code repeat} times at most. */
	public static EscalationStep startOver(Duration after, int repeat) {
		return new EscalationStep(after, null, null, repeat, List.of());
	}

	/** A step that pages the members of the list in turn, one per escalation. */
	public static EscalationStep roundRobin(Duration after, List<String> members) {
		return new EscalationStep(after, null, null, 0, members);
	}

	/** Whether the step starts the chain over rather than paging. */
	public boolean startsOver() {
		return this.repeat > 0;
	}

	/**
	 * Returns the receiver the step pages when reached at the instant: its receiver, or
	 * the schedule's member on call then (empty when nobody is, for a round-robin step,
	 * whose turns the dispatcher keeps, or for a step that starts over).
	 */
	public Optional<String> target(Map<String, OnCallSchedule> schedules, Instant at) {
		if (this.receiver != null) {
			return Optional.of(this.receiver);
		}
		return (this.schedule != null) ? schedules.get(this.schedule).onCall(at) : Optional.empty();
	}

}
