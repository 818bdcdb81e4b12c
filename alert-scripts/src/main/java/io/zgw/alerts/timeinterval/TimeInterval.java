package io.zgw.alerts.timeinterval;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * TimeInterval is one entry of an Alertmanager {@code time_intervals} list: an instant is
 * inside when every non-empty field contains it (fields are ANDed, entries within a field
 * ORed).
 *
 * @param times spans of the day; empty means the whole day
 * @param weekdays weekday ranges, Sunday = 0; empty means every day
 * @param daysOfMonth day ranges, negative values count from the month's end
 * @param months month ranges, January = 1
 * @param years year ranges
 * @param location the zone the fields are read in; UTC by default
 */
public record TimeInterval(List<TimeRange> times, List<InclusiveRange> weekdays, List<InclusiveRange> daysOfMonth,
		List<InclusiveRange> months, List<InclusiveRange> years, ZoneId location) {

	public TimeInterval {
		times = List.copyOf(times);
		weekdays = List.copyOf(weekdays);
		daysOfMonth = List.copyOf(daysOfMonth);
		months = List.copyOf(months);
		years = List.copyOf(years);
		Objects.requireNonNull(location, "location");
	}

	/** Returns an interval with only the given day spans, in UTC. */
	public static TimeInterval ofTimes(TimeRange... times) {
		return new TimeInterval(List.of(times), List.of(), List.of(), List.of(), List.of(), ZoneOffset.UTC);
	}

	/** Returns whether the instant lies inside this interval. */
	public boolean contains(Instant instant) {
		ZonedDateTime t = instant.atZone(this.location);
		int minute = t.getHour() * 60 + t.getMinute();
		if (!this.times.isEmpty() && this.times.stream().noneMatch(range -> range.contains(minute))) {
			return false;
		}
		if (!this.daysOfMonth.isEmpty() && !containsDayOfMonth(t)) {
			return false;
		}
		if (!this.months.isEmpty() && this.months.stream().noneMatch(range -> range.contains(t.getMonthValue()))) {
			return false;
		}
		int weekday = t.getDayOfWeek().getValue() % 7;
		if (!this.weekdays.isEmpty() && this.weekdays.stream().noneMatch(range -> range.contains(weekday))) {
			return false;
		}
		return this.years.isEmpty() || this.years.stream().anyMatch(range -> range.contains(t.getYear()));
	}

	// Same resolution as Alertmanager: negative days count from the end of the month,
	// ranges are clamped to the month, and a start beyond the month's length never
	// matches.
	private boolean containsDayOfMonth(ZonedDateTime t) {
		int daysInMonth = t.toLocalDate().lengthOfMonth();
		for (InclusiveRange range : this.daysOfMonth) {
			int begin = (range.begin() < 0) ? daysInMonth + range.begin() + 1 : range.begin();
			int end = (range.end() < 0) ? daysInMonth + range.end() + 1 : range.end();
			if (begin > daysInMonth) {
				continue;
			}
			begin = Math.max(-daysInMonth, Math.min(begin, daysInMonth));
			end = Math.max(-daysInMonth, Math.min(end, daysInMonth));
			if (t.getDayOfMonth() >= begin && t.getDayOfMonth() <= end) {
				return true;
			}
		}
		return false;
	}

}
