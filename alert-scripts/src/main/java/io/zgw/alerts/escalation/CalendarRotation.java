package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CalendarRotation is a schedule layer read from an on-call calendar (an iCalendar file,
 * see {@link ICalendar}): at an instant, the member of the shift in force that began
 * last; of two that began together, a one-off event before a recurring one (a swap
 * entered over a rota), else the later in the file.
 */
public final class CalendarRotation implements ScheduleLayer {

	// Recurring shifts, in file order.
	private final List<CalendarShift> recurring;

	// Shifts that happen once, by start (then file order), looked up by binary search:
	// an exported calendar may hold years of them.
	private final List<CalendarShift> once;

	private final Duration longestOnce;

	/**
	 * Creates a calendar rotation.
	 * @param shifts the calendar's shifts, in file order
	 */
	public CalendarRotation(List<CalendarShift> shifts) {
		this.recurring = shifts.stream().filter(CalendarShift::recurs).toList();
		this.once = shifts.stream()
			.filter((shift) -> !shift.recurs())
			.sorted(Comparator.comparing(CalendarShift::start))
			.toList();
		this.longestOnce = this.once.stream()
			.map(CalendarShift::longest)
			.max(Comparator.naturalOrder())
			.orElse(Duration.ZERO);
	}

	@Override
	public Optional<String> memberAt(Instant at) {
		String member = null;
		Instant began = null;
		for (CalendarShift shift : this.recurring) {
			Optional<Instant> start = shift.startInForce(at);
			if (start.isPresent() && (began == null || !start.get().isBefore(began))) {
				member = shift.member();
				began = start.get();
			}
		}
		// Single shifts that began by the instant, latest first; none that began more
		// than the longest one's length before it is still in force.
		Instant earliest = at.minus(this.longestOnce);
		for (int i = lastStartingBy(at); i >= 0 && !this.once.get(i).start().isBefore(earliest); i--) {
			CalendarShift shift = this.once.get(i);
			Optional<Instant> start = shift.startInForce(at);
			if (start.isPresent() && (began == null || !start.get().isBefore(began))) {
				return Optional.of(shift.member());
			}
		}
		return Optional.ofNullable(member);
	}

	// The index of the last single shift starting at or before the instant, or -1.
	private int lastStartingBy(Instant at) {
		int low = 0;
		int high = this.once.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			if (this.once.get(middle).start().isAfter(at)) {
				high = middle - 1;
			}
			else {
				low = middle + 1;
			}
		}
		return high;
	}

}
