package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * OnCallSchedule says who is on call at any instant: the first override in force, else
 * the last rotation that covers the instant (so a later rotation, such as a weekend one
 * restricted to a time interval or a calendar of swaps, takes over from an earlier one),
 * else nobody.
 *
 * @param name the name escalation steps refer to
 * @param rotations rotations and calendars, later ones taking precedence
 * @param overrides overrides, earlier ones taking precedence
 */
public record OnCallSchedule(String name, List<ScheduleLayer> rotations, List<ScheduleOverride> overrides) {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	public OnCallSchedule {
		Objects.requireNonNull(name, "name");
		rotations = List.copyOf(rotations);
		overrides = List.copyOf(overrides);
	}

	/** Returns the receiver on call at the instant, or empty when nobody is. */
	public Optional<String> onCall(Instant at) {
		for (ScheduleOverride override : this.overrides) {
			if (override.covers(at)) {
				return Optional.of(override.receiver());
			}
		}
		for (int i = this.rotations.size() - 1; i >= 0; i--) {
			Optional<String> member = this.rotations.get(i).memberAt(at);
			if (member.isPresent()) {
				return member;
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the spans between {@code from} and {@code to} in which nobody is on call,
	 * to the minute (the resolution of time intervals), in order.
	 */
	public List<Gap> gaps(Instant from, Instant to) {
		return shifts(from, to).stream()
			.filter((shift) -> shift.receiver().isEmpty())
			.map((shift) -> new Gap(shift.from(), shift.to()))
			.toList();
	}

	/**
	 * Returns who is on call from {@code from} (to the minute) to {@code to}, span by
	 * span, in order: each span ends where the next begins, a span of nobody included.
	 */
	public List<Shift> shifts(Instant from, Instant to) {
		List<Shift> shifts = new ArrayList<>();
		Handoff[] current = { startingAt(from) };
		forEachChange(current[0], to, (change) -> {
			shifts.add(new Shift(current[0].receiver(), current[0].at(), change.at()));
			current[0] = change;
			return true;
		});
		if (current[0].at().isBefore(to)) {
			shifts.add(new Shift(current[0].receiver(), current[0].at(), to));
		}
		return shifts;
	}

	/**
	 * Returns the first change of who is on call after {@code from} and before
	 * {@code to}, to the minute: a handoff, the start of a gap or its end.
	 */
	public Optional<Handoff> nextHandoff(Instant from, Instant to) {
		List<Handoff> first = new ArrayList<>();
		forEachChange(startingAt(from), to, (change) -> !first.add(change));
		return first.stream().findFirst();
	}

	// Who is on call in the minute of the instant.
	private Handoff startingAt(Instant from) {
		Instant minute = from.truncatedTo(ChronoUnit.MINUTES);
		return new Handoff(minute, onCall(minute));
	}

	// Each minute after the start at which who is on call differs from the minute
	// before, until to or until the callback declines.
	private void forEachChange(Handoff start, Instant to, Predicate<Handoff> more) {
		Optional<String> current = start.receiver();
		for (Instant at = start.at().plus(MINUTE); at.isBefore(to); at = at.plus(MINUTE)) {
			Optional<String> next = onCall(at);
			if (!next.equals(current)) {
				current = next;
				if (!more.test(new Handoff(at, next))) {
					return;
				}
			}
		}
	}

	/**
	 * Handoff is a change of who a schedule puts on call.
	 *
	 * @param at the first minute of the change
	 * @param receiver who is on call from then, empty for nobody
	 */
	public record Handoff(Instant at, Optional<String> receiver) {
	}

	/**
	 * Shift is a span in which a schedule puts one receiver, or nobody, on call.
	 *
	 * @param receiver who is on call, empty for nobody
	 * @param from the span's first minute
	 * @param to when it ends (or the end of the span looked at)
	 */
	public record Shift(Optional<String> receiver, Instant from, Instant to) {
	}

	/**
	 * Gap is a span in which a schedule has nobody on call.
	 *
	 * @param start the first minute nobody is on call
	 * @param end when somebody is again (or the end of the span looked at)
	 */
	public record Gap(Instant start, Instant end) {
	}

}
