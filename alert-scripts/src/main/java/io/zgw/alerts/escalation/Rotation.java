package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.zgw.alerts.timeinterval.NamedTimeInterval;

/**
 * Rotation hands an on-call shift from member to member: the first member is on call from
 * {@code start} for one {@code shift}, then the next, round and round. A shift of whole
 * days hands over at the same wall-clock time in the schedule's time zone, across
 * daylight-saving changes; a shorter one lasts exactly its duration.
 *
 * @param members receiver names in rotation order
 * @param start the first handoff, in the schedule's time zone
 * @param shift how long each member stays on call
 * @param activeTimeIntervals the rotation covers only these intervals (any of them);
 * empty: always
 */
public record Rotation(List<String> members, ZonedDateTime start, Duration shift,
		List<NamedTimeInterval> activeTimeIntervals) implements ScheduleLayer {

	private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	public Rotation {
		members = List.copyOf(members);
		if (members.isEmpty()) {
			throw new IllegalArgumentException("a rotation needs at least one member");
		}
		Objects.requireNonNull(start, "start");
		if (shift.isNegative() || shift.isZero()) {
			throw new IllegalArgumentException("shift must be positive, got " + shift);
		}
		activeTimeIntervals = List.copyOf(activeTimeIntervals);
	}

	@Override
	public Optional<String> memberAt(Instant at) {
		if (at.isBefore(this.start.toInstant())) {
			return Optional.empty();
		}
		if (!this.activeTimeIntervals.isEmpty()
				&& this.activeTimeIntervals.stream().noneMatch((interval) -> interval.contains(at))) {
			return Optional.empty();
		}
		return Optional.of(this.members.get((int) (shiftsBefore(at) % this.members.size())));
	}

	// Whole shifts from start to the instant (not before start).
	private long shiftsBefore(Instant at) {
		if (this.shift.toSeconds() % SECONDS_PER_DAY == 0 && this.shift.toNanosPart() == 0) {
			// Days on the local time-line: a handoff at 09:00 stays at 09:00.
			return ChronoUnit.DAYS.between(this.start, at.atZone(this.start.getZone())) / this.shift.toDays();
		}
		return Duration.between(this.start.toInstant(), at).dividedBy(this.shift);
	}

}
