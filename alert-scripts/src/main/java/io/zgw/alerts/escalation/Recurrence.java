package io.zgw.alerts.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Recurrence is the part of an iCalendar {@code RRULE} (RFC 5545, 3.3.10) on-call
 * calendars use: {@code FREQ=DAILY} or {@code WEEKLY}, {@code INTERVAL}, {@code UNTIL} or
 * {@code COUNT}, {@code BYDAY} (weekdays without ordinals) and {@code WKST}. Occurrences
 * start at the first one's wall-clock time in its zone, so a 09:00 handoff stays at 09:00
 * across daylight-saving changes.
 *
 * @param weekly {@code FREQ=WEEKLY} rather than {@code DAILY}
 * @param interval how many days or weeks apart the periods are (at least 1)
 * @param days the weekdays occurrences fall on; empty: the first one's weekday (weekly)
 * or every day (daily)
 * @param weekStart the first day of a week ({@code WKST}), for weekly intervals above 1
 * @param count how many occurrences there are at most, or 0 for no limit
 * @param until no occurrence starts after it, or null for no limit
 */
public record Recurrence(boolean weekly, int interval, Set<DayOfWeek> days, DayOfWeek weekStart, int count,
		@Nullable Instant until) {

	/** The largest {@code INTERVAL} accepted: every 1,000 days or weeks. */
	public static final int MAX_INTERVAL = 1000;

	/** The largest {@code COUNT} accepted, beyond which a rule is written without one. */
	public static final int MAX_COUNT = 100_000;

	public Recurrence {
		if (interval < 1 || interval > MAX_INTERVAL) {
			throw new IllegalArgumentException("INTERVAL must be between 1 and " + MAX_INTERVAL + ", got " + interval);
		}
		days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
		if (count < 0 || count > MAX_COUNT) {
			throw new IllegalArgumentException("COUNT must be between 1 and " + MAX_COUNT + ", got " + count);
		}
		if (count > 0 && until != null) {
			throw new IllegalArgumentException("a rule takes UNTIL or COUNT, not both");
		}
	}

	/**
	 * Reads an {@code RRULE} value such as {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO}; a
	 * floating or date {@code UNTIL} is read in {@code zone}.
	 * @throws IllegalArgumentException naming the part not supported or malformed
	 */
	public static Recurrence parse(String rule, ZoneId zone) {
		Boolean weekly = null;
		int interval = 1;
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		DayOfWeek weekStart = DayOfWeek.MONDAY;
		int count = 0;
		Instant until = null;
		for (String part : rule.split(";")) {
			int equals = part.indexOf('=');
			String name = (equals < 0) ? part : part.substring(0, equals).toUpperCase(Locale.ROOT);
			String value = (equals < 0) ? "" : part.substring(equals + 1);
			switch (name) {
				case "FREQ" -> weekly = frequency(value);
				case "INTERVAL" -> interval = number(name, value);
				case "COUNT" -> count = number(name, value);
				case "UNTIL" -> until = until(value, zone);
				case "WKST" -> weekStart = weekday(value);
				case "BYDAY" -> {
					for (String day : value.split(",")) {
						days.add(weekday(day));
					}
				}
				default -> throw new IllegalArgumentException(
						"RRULE part " + name + " is not supported (only FREQ, INTERVAL, UNTIL, COUNT, BYDAY, WKST)");
			}
		}
		if (weekly == null) {
			throw new IllegalArgumentException("RRULE without FREQ");
		}
		return new Recurrence(weekly, interval, days, weekStart, count, until);
	}

	/**
	 * Returns the start of the series' last occurrence ({@code UNTIL}, or the one
	 * {@code COUNT} allows), or null when it has no end.
	 * @throws IllegalArgumentException when {@code first} is not on one of the rule's
	 * days (RFC 5545 leaves such a series undefined)
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
	 * is the caller's to apply, through {@link #lastStart}.
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
	// until the consumer declines one or UNTIL is passed. A first occurrence on one of
	// the days recurs within 7 periods, so the loop always moves on.
	private void forEachStart(ZonedDateTime first, LocalDate fromDate, Predicate<ZonedDateTime> consumer) {
		requireOnDays(first);
		LocalDateTime firstLocal = first.toLocalDateTime();
		Set<DayOfWeek> onDays = (this.weekly && this.days.isEmpty()) ? Set.of(firstLocal.getDayOfWeek()) : this.days;
		LocalDate periodZero = this.weekly
				? firstLocal.toLocalDate().with(TemporalAdjusters.previousOrSame(this.weekStart))
				: firstLocal.toLocalDate();
		long periodDays = (this.weekly ? 7L : 1L) * this.interval;
		long period = Math.max(0, Math.floorDiv(ChronoUnit.DAYS.between(periodZero, fromDate), periodDays) - 1);
		while (true) {
			LocalDate periodStart = periodZero.plusDays(period * periodDays);
			for (int day = 0; day < (this.weekly ? 7 : 1); day++) {
				LocalDate date = periodStart.plusDays(day);
				if (!onDays.isEmpty() && !onDays.contains(date.getDayOfWeek())) {
					continue;
				}
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

	private void requireOnDays(ZonedDateTime first) {
		DayOfWeek firstDay = first.getDayOfWeek();
		if (!this.days.isEmpty() && !this.days.contains(firstDay)) {
			throw new IllegalArgumentException(
					"DTSTART falls on " + firstDay + ", which is not one of the rule's BYDAY days");
		}
	}

	private static boolean frequency(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "DAILY" -> false;
			case "WEEKLY" -> true;
			default ->
				throw new IllegalArgumentException("RRULE FREQ=" + value + " is not supported (only DAILY and WEEKLY)");
		};
	}

	private static int number(String name, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("RRULE " + name + " must be a number, got \"" + value + "\"");
		}
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
			default -> throw new IllegalArgumentException(
					"RRULE weekday \"" + value + "\" is not supported (MO to SU, without an ordinal such as 1MO)");
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

}
