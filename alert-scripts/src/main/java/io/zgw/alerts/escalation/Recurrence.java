package io.zgw.alerts.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Recurrence is the part of an iCalendar {@code RRULE} (RFC 5545, 3.3.10) on-call
 * calendars use: {@code FREQ} {@code DAILY}, {@code WEEKLY}, {@code MONTHLY} or
 * {@code YEARLY}, {@code INTERVAL}, {@code UNTIL} or {@code COUNT}, {@code BYDAY}
 * (weekdays, with an ordinal such as {@code 1MO} or {@code -1FR} in a month),
 * {@code BYMONTHDAY}, {@code BYMONTH}, {@code BYSETPOS} and {@code WKST}. Occurrences
 * start at the first one's wall-clock time in its zone, so a 09:00 handoff stays at 09:00
 * across daylight-saving changes; a day a month lacks (the 31st, 29 February) is skipped.
 *
 * @param frequency how long a period is
 * @param interval how many periods apart the occurrences' periods are (at least 1)
 * @param days {@code BYDAY}: the weekdays occurrences fall on, an ordinal (nth in the
 * month) only monthly and yearly with months; empty: the first one's weekday (weekly),
 * else any
 * @param monthDays {@code BYMONTHDAY}: days of the month, negative from its end; empty:
 * any, or the first one's day where nothing else picks days in a month
 * @param months {@code BYMONTH}: the months occurrences fall in; empty: any, or the first
 * one's month (yearly, where nothing else picks days)
 * @param positions {@code BYSETPOS}: which of a period's occurrences take place, in order
 * from 1 or from the end from -1; empty: all
 * @param weekStart the first day of a week ({@code WKST}), for weekly intervals above 1
 * @param count how many occurrences there are at most, or 0 for no limit
 * @param until no occurrence starts after it, or null for no limit
 */
public record Recurrence(Frequency frequency, int interval, List<Weekday> days, Set<Integer> monthDays,
		Set<Month> months, List<Integer> positions, DayOfWeek weekStart, int count, @Nullable Instant until) {

	/** The largest {@code INTERVAL} accepted: every 1,000 periods. */
	public static final int MAX_INTERVAL = 1000;

	/** The largest {@code COUNT} accepted, beyond which a rule is written without one. */
	public static final int MAX_COUNT = 100_000;

	// No occurrence is looked for beyond this year: a rule whose remaining periods hold
	// no day (29 February every 100 years) would otherwise be searched for ever.
	private static final int LAST_YEAR = 9999;

	private static final Pattern WEEKDAY = Pattern.compile("([+-]?\\d{1,2})?([A-Za-z]{2})");

	public Recurrence {
		if (interval < 1 || interval > MAX_INTERVAL) {
			throw new IllegalArgumentException("INTERVAL must be between 1 and " + MAX_INTERVAL + ", got " + interval);
		}
		days = List.copyOf(days);
		monthDays = Set.copyOf(monthDays);
		months = months.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(months));
		positions = List.copyOf(positions);
		if (count < 0 || count > MAX_COUNT) {
			throw new IllegalArgumentException("COUNT must be between 1 and " + MAX_COUNT + ", got " + count);
		}
		if (count > 0 && until != null) {
			throw new IllegalArgumentException("a rule takes UNTIL or COUNT, not both");
		}
		boolean inMonths = frequency == Frequency.MONTHLY || (frequency == Frequency.YEARLY && !months.isEmpty());
		for (Weekday day : days) {
			if (day.ordinal() != 0 && !inMonths) {
				throw new IllegalArgumentException("RRULE BYDAY " + day + " (a weekday's place in its month) needs "
						+ "FREQ=MONTHLY, or FREQ=YEARLY with BYMONTH");
			}
		}
		for (int day : monthDays) {
			if (day == 0 || day < -31 || day > 31) {
				throw new IllegalArgumentException("RRULE BYMONTHDAY must be 1 to 31 or -31 to -1, got " + day);
			}
		}
		if (!monthDays.isEmpty() && frequency == Frequency.WEEKLY) {
			throw new IllegalArgumentException("RRULE BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
		}
		for (int position : positions) {
			if (position == 0 || position < -366 || position > 366) {
				throw new IllegalArgumentException("RRULE BYSETPOS must be 1 to 366 or -366 to -1, got " + position);
			}
		}
		if (!positions.isEmpty() && days.isEmpty() && monthDays.isEmpty() && months.isEmpty()) {
			throw new IllegalArgumentException("RRULE BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH (RFC 5545)");
		}
	}

	/**
	 * Reads an {@code RRULE} value such as {@code FREQ=MONTHLY;BYDAY=-1FR}; a floating or
	 * date {@code UNTIL} is read in {@code zone}.
	 * @throws IllegalArgumentException naming the part not supported or malformed
	 */
	public static Recurrence parse(String rule, ZoneId zone) {
		Frequency frequency = null;
		int interval = 1;
		List<Weekday> days = new ArrayList<>();
		Set<Integer> monthDays = new TreeSet<>();
		Set<Month> months = EnumSet.noneOf(Month.class);
		List<Integer> positions = new ArrayList<>();
		DayOfWeek weekStart = DayOfWeek.MONDAY;
		int count = 0;
		Instant until = null;
		for (String part : rule.split(";")) {
			int equals = part.indexOf('=');
			String name = (equals < 0) ? part : part.substring(0, equals).toUpperCase(Locale.ROOT);
			String value = (equals < 0) ? "" : part.substring(equals + 1);
			switch (name) {
				case "FREQ" -> frequency = frequency(value);
				case "INTERVAL" -> interval = number(name, value);
				case "COUNT" -> count = number(name, value);
				case "UNTIL" -> until = until(value, zone);
				case "WKST" -> weekStart = weekday(value);
				case "BYDAY" -> {
					for (String day : value.split(",")) {
						days.add(Weekday.parse(day));
					}
				}
				case "BYMONTHDAY" -> {
					for (String day : value.split(",")) {
						monthDays.add(number(name, day));
					}
				}
				case "BYMONTH" -> {
					for (String month : value.split(",")) {
						months.add(month(month));
					}
				}
				case "BYSETPOS" -> {
					for (String position : value.split(",")) {
						positions.add(number(name, position));
					}
				}
				default -> throw new IllegalArgumentException("RRULE part " + name + " is not supported (only FREQ, "
						+ "INTERVAL, UNTIL, COUNT, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST)");
			}
		}
		if (frequency == null) {
			throw new IllegalArgumentException("RRULE without FREQ");
		}
		return new Recurrence(frequency, interval, days, monthDays, months, positions, weekStart, count, until);
	}

	/**
	 * Returns the start of the series' last occurrence ({@code UNTIL}, or the one
	 * {@code COUNT} allows), or null when it has no end.
	 * @throws IllegalArgumentException when {@code first} is not one of the rule's days
	 * (RFC 5545 leaves such a series undefined)
	 */
	public @Nullable Instant lastStart(ZonedDateTime first) {
		requireOnDays(first);
		if (this.count == 0) {
			return this.until;
		}
		Instant[] last = { null };
		int[] seen = { 0 };
		forEachStart(first, first.toLocalDate(), (start) -> {
			last[0] = start.toInstant();
			return ++seen[0] < this.count;
		});
		return last[0];
	}

	/**
	 * Returns the starts of the occurrences of a series beginning at {@code first} that
	 * lie between {@code from} and {@code to} (both inclusive), in order; {@code COUNT}
	 * is the caller's to apply, through {@link #lastStart}, which also checks that
	 * {@code first} is one of the rule's days (not checked again at every lookup).
	 */
	public List<ZonedDateTime> startsBetween(ZonedDateTime first, Instant from, Instant to) {
		List<ZonedDateTime> starts = new ArrayList<>();
		LocalDate fromDate = from.atZone(first.getZone()).toLocalDate();
		forEachStart(first, fromDate, (start) -> {
			Instant instant = start.toInstant();
			if (instant.isAfter(to)) {
				return false;
			}
			if (!instant.isBefore(from)) {
				starts.add(start);
			}
			return true;
		});
		return starts;
	}

	// Each occurrence start in order from the period before the one holding fromDate
	// until the consumer declines one, UNTIL is passed or LAST_YEAR ends.
	private void forEachStart(ZonedDateTime first, LocalDate fromDate, Predicate<ZonedDateTime> consumer) {
		LocalDateTime firstLocal = first.toLocalDateTime();
		LocalDate periodZero = this.frequency.periodOf(firstLocal.toLocalDate(), this.weekStart);
		long period = Math.max(0,
				Math.floorDiv(this.frequency.unit.between(periodZero, fromDate), (long) this.interval) - 1);
		while (true) {
			LocalDate periodStart = periodZero.plus(period * this.interval, this.frequency.unit);
			if (periodStart.getYear() > LAST_YEAR) {
				return;
			}
			for (LocalDate date : dates(periodStart, firstLocal.toLocalDate())) {
				LocalDateTime local = date.atTime(firstLocal.toLocalTime());
				if (local.isBefore(firstLocal)) {
					continue;
				}
				ZonedDateTime start = ZonedDateTime.of(local, first.getZone());
				boolean ended = this.until != null && start.toInstant().isAfter(this.until);
				if (ended || !consumer.test(start)) {
					return;
				}
			}
			period++;
		}
	}

	// The days of the period beginning at periodStart that the rule gives, in order.
	private List<LocalDate> dates(LocalDate periodStart, LocalDate first) {
		TreeSet<LocalDate> dates = new TreeSet<>();
		switch (this.frequency) {
			case DAILY -> dates.add(periodStart);
			case WEEKLY -> {
				for (int day = 0; day < 7; day++) {
					dates.add(periodStart.plusDays(day));
				}
			}
			case MONTHLY -> addMonthDates(YearMonth.from(periodStart), first, dates);
			case YEARLY -> {
				boolean allMonths = this.months.isEmpty() && !(this.days.isEmpty() && this.monthDays.isEmpty());
				Set<Month> inYear = !this.months.isEmpty() ? this.months
						: allMonths ? EnumSet.allOf(Month.class) : Set.of(first.getMonth());
				for (Month month : inYear) {
					addMonthDates(YearMonth.of(periodStart.getYear(), month), first, dates);
				}
			}
		}
		dates.removeIf((date) -> !onDays(date, first));
		List<LocalDate> ordered = new ArrayList<>(dates);
		if (this.positions.isEmpty()) {
			return ordered;
		}
		TreeSet<LocalDate> picked = new TreeSet<>();
		for (int position : this.positions) {
			int index = (position > 0) ? position - 1 : ordered.size() + position;
			if (index >= 0 && index < ordered.size()) {
				picked.add(ordered.get(index));
			}
		}
		return new ArrayList<>(picked);
	}

	// The candidate days of a month: its BYMONTHDAYs, else the days of its BYDAY
	// weekdays, else the first occurrence's day of the month (if the month has it).
	private void addMonthDates(YearMonth month, LocalDate first, Set<LocalDate> dates) {
		if (!this.monthDays.isEmpty()) {
			for (int day : this.monthDays) {
				int dayOfMonth = (day > 0) ? day : month.lengthOfMonth() + day + 1;
				if (dayOfMonth >= 1 && dayOfMonth <= month.lengthOfMonth()) {
					dates.add(month.atDay(dayOfMonth));
				}
			}
		}
		else if (!this.days.isEmpty()) {
			for (Weekday day : this.days) {
				LocalDate date = month.atDay(1).with(TemporalAdjusters.firstInMonth(day.day()));
				for (; date.getMonth() == month.getMonth(); date = date.plusWeeks(1)) {
					dates.add(date);
				}
			}
		}
		else if (first.getDayOfMonth() <= month.lengthOfMonth()) {
			dates.add(month.atDay(first.getDayOfMonth()));
		}
	}

	// Whether a candidate day passes the rule's limits: its weekdays (the first one's
	// weekday when a weekly rule names none), days of the month and months.
	private boolean onDays(LocalDate date, LocalDate first) {
		if (!this.months.isEmpty() && !this.months.contains(date.getMonth())) {
			return false;
		}
		if (!this.monthDays.isEmpty() && !this.monthDays.contains(date.getDayOfMonth())
				&& !this.monthDays.contains(date.getDayOfMonth() - date.lengthOfMonth() - 1)) {
			return false;
		}
		if (this.days.isEmpty()) {
			return this.frequency != Frequency.WEEKLY || date.getDayOfWeek() == first.getDayOfWeek();
		}
		return this.days.stream().anyMatch((day) -> day.matches(date));
	}

	private void requireOnDays(ZonedDateTime first) {
		LocalDate date = first.toLocalDate();
		if (!dates(this.frequency.periodOf(date, this.weekStart), date).contains(date)) {
			throw new IllegalArgumentException(
					"DTSTART falls on " + date.getDayOfWeek() + " " + date + ", which is not one of the rule's days");
		}
	}

	private static Frequency frequency(String value) {
		try {
			return Frequency.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"RRULE FREQ=" + value + " is not supported (only DAILY, WEEKLY, MONTHLY and YEARLY)");
		}
	}

	private static int number(String name, String value) {
		try {
			return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("RRULE " + name + " must be a number, got \"" + value + "\"");
		}
	}

	private static Month month(String value) {
		int month = number("BYMONTH", value);
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("RRULE BYMONTH must be 1 to 12, got " + month);
		}
		return Month.of(month);
	}

	private static DayOfWeek weekday(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "MO" -> DayOfWeek.MONDAY;
			case "TU" -> DayOfWeek.TUESDAY;
			case "WE" -> DayOfWeek.WEDNESDAY;
			case "TH" -> DayOfWeek.THURSDAY;
			case "FR" -> DayOfWeek.FRIDAY;
			case "SA" -> DayOfWeek.SATURDAY;
			case "SU" -> DayOfWeek.SUNDAY;
			default -> throw new IllegalArgumentException("RRULE weekday \"" + value + "\" is not one of MO to SU");
		};
	}

	// UNTIL in UTC, floating in the zone, or a date: the whole of that day in the zone.
	private static Instant until(String value, ZoneId zone) {
		try {
			ZonedDateTime until = ICalendar.time(value, zone);
			return (value.length() == 8) ? until.plusDays(1).toInstant().minusNanos(1) : until.toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("RRULE UNTIL must be a date or date-time, got \"" + value + "\"");
		}
	}

	/** Frequency is how long a rule's period is ({@code FREQ}). */
	public enum Frequency {

		/** A day. */
		DAILY(ChronoUnit.DAYS),

		/** A week from {@code WKST}. */
		WEEKLY(ChronoUnit.WEEKS),

		/** A calendar month. */
		MONTHLY(ChronoUnit.MONTHS),

		/** A calendar year. */
		YEARLY(ChronoUnit.YEARS);

		private final ChronoUnit unit;

		Frequency(ChronoUnit unit) {
			this.unit = unit;
		}

		// The first day of the period holding the date.
		LocalDate periodOf(LocalDate date, DayOfWeek weekStart) {
			return switch (this) {
				case DAILY -> date;
				case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(weekStart));
				case MONTHLY -> date.withDayOfMonth(1);
				case YEARLY -> date.withDayOfYear(1);
			};
		}

	}

	/**
	 * Weekday is one {@code BYDAY} entry: a weekday, and in a month its place.
	 *
	 * @param day the weekday
	 * @param ordinal which of the month's such weekdays, from 1 or from its end from -1;
	 * 0 for every one
	 */
	public record Weekday(DayOfWeek day, int ordinal) {

		public Weekday {
			if (ordinal < -5 || ordinal > 5) {
				throw new IllegalArgumentException("RRULE BYDAY ordinal must be -5 to 5 in a month, got " + ordinal);
			}
		}

		static Weekday parse(String value) {
			Matcher matcher = WEEKDAY.matcher(value);
			if (!matcher.matches()) {
				throw new IllegalArgumentException(
						"RRULE BYDAY \"" + value + "\" is not a weekday (MO to SU, optionally numbered: 1MO, -1FR)");
			}
			int ordinal = (matcher.group(1) != null) ? number("BYDAY", matcher.group(1)) : 0;
			if (matcher.group(1) != null && ordinal == 0) {
				throw new IllegalArgumentException("RRULE BYDAY \"" + value + "\": a weekday's place is not 0");
			}
			return new Weekday(weekday(matcher.group(2)), ordinal);
		}

		boolean matches(LocalDate date) {
			if (date.getDayOfWeek() != this.day) {
				return false;
			}
			if (this.ordinal > 0) {
				return (date.getDayOfMonth() - 1) / 7 + 1 == this.ordinal;
			}
			return this.ordinal == 0 || (date.lengthOfMonth() - date.getDayOfMonth()) / 7 + 1 == -this.ordinal;
		}

		@Override
		public String toString() {
			String name = this.day.name().substring(0, 2);
			return (this.ordinal != 0) ? this.ordinal + name : name;
		}

	}

}
