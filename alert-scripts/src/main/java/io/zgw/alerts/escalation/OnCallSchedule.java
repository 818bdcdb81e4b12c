package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
		List<Gap> gaps = new ArrayList<>();
		Instant gapStart = null;
		for (Instant at = from.truncatedTo(ChronoUnit.MINUTES); at.isBefore(to); at = at.plus(Duration.ofMinutes(1))) {
			boolean covered = onCall(at).isPresent();
			if (!covered && gapStart == null) {
				gapStart = at;
			}
			else if (covered && gapStart != null) {
				gaps.add(new Gap(gapStart, at));
				gapStart = null;
			}
		}
		if (gapStart != null) {
			gaps.add(new Gap(gapStart, to));
		}
		return gaps;
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
