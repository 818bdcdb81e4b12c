package io.zgw.alerts.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CalendarRotation is a schedule layer read from an on-call calendar (an iCalendar file,
 * see {@link ICalendar}): at an instant, the member of the shift in force that began
 * last, the later event in the file when two began together.
 *
 * @param source where the calendar was read from, for messages
 * @param shifts the calendar's shifts, in file order
 */
public record CalendarRotation(String source, List<CalendarShift> shifts) implements ScheduleLayer {

	public CalendarRotation {
		Objects.requireNonNull(source, "source");
		shifts = List.copyOf(shifts);
	}

	@Override
	public Optional<String> memberAt(Instant at) {
		String member = null;
		Instant began = null;
		for (CalendarShift shift : this.shifts) {
			Optional<Instant> start = shift.startInForce(at);
			if (start.isPresent() && (began == null || !start.get().isBefore(began))) {
				member = shift.member();
				began = start.get();
			}
		}
		return Optional.ofNullable(member);
	}

}
