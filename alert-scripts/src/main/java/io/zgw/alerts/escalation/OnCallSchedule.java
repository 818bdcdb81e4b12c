package io.zgw.alerts.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OnCallSchedule says who is on call at any instant: the first override in force, else
 * the last rotation that covers the instant (so a later rotation, such as a weekend one
 * restricted to a time interval, takes over from an earlier one), else nobody.
 *
 * @param name the name escalation steps refer to
 * @param rotations rotations, later ones taking precedence
 * @param overrides overrides, earlier ones taking precedence
 */
public record OnCallSchedule(String name, List<Rotation> rotations, List<ScheduleOverride> overrides) {

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

}
