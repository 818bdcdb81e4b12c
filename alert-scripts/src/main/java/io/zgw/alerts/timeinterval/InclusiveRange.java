package io.zgw.alerts.timeinterval;

import java.time.Month;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * InclusiveRange is a closed range of integers used for weekdays (Sunday = 0), days of
 * the month (negative counts from the end), months (1..12) and years.
 *
 * @param begin first value in the range
 * @param end last value in the range
 */
public record InclusiveRange(int begin, int end) {

	private static final String[] WEEKDAYS = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday" };

	/** Returns whether the value lies inside the range. */
	public boolean contains(int value) {
		return value >= this.begin && value <= this.end;
	}

	/**
	 * Parses {@code monday} or {@code monday:friday}; Sunday is 0 and ranges cannot wrap.
	 */
	public static InclusiveRange weekdays(String text) {
		InclusiveRange range = parse(text, InclusiveRange::weekday);
		if (range.begin > range.end) {
			throw new IllegalArgumentException("start day cannot be after end day: " + text);
		}
		return range;
	}

	/** Parses {@code 1}, {@code 1:15}, {@code -1} or {@code -7:-1}. */
	public static InclusiveRange daysOfMonth(String text) {
		InclusiveRange range = parse(text, part -> number(part, "day of month"));
		for (int day : new int[] { range.begin, range.end }) {
			if (day == 0 || day < -31 || day > 31) {
				throw new IllegalArgumentException(day + " is not a valid day of the month: out of range");
			}
		}
		if (range.begin < 0 && range.end > 0) {
			throw new IllegalArgumentException("end day must be negative if start day is negative: " + text);
		}
		// 1:-1 (first to last day) is valid; within one sign the start must come first.
		if ((range.begin > 0) == (range.end > 0) && range.begin > range.end) {
			throw new IllegalArgumentException("end day " + range.end + " is always before start day " + range.begin);
		}
		return range;
	}

	/** Parses month names or numbers, singly or as a range such as {@code 1:3}. */
	public static InclusiveRange months(String text) {
		InclusiveRange range = parse(text, InclusiveRange::month);
		if (range.begin > range.end) {
			String[] parts = text.strip().split(":");
			throw new IllegalArgumentException("end month " + parts[1] + " is before start month " + parts[0]);
		}
		return range;
	}

	/** Parses a year or a year range such as {@code 2026:2027}. */
	public static InclusiveRange years(String text) {
		InclusiveRange range = parse(text, part -> number(part, "year"));
		if (range.begin <= 0) {
			throw new IllegalArgumentException(range.begin + " is not a valid year");
		}
		if (range.begin > range.end) {
			throw new IllegalArgumentException("end year " + range.end + " is before start year " + range.begin);
		}
		return range;
	}

	private static InclusiveRange parse(String text, ToIntFunction<String> part) {
		String trimmed = text.strip();
		// A leading '-' belongs to a negative number, so split on the ':' after it.
		int colon = trimmed.indexOf(':', trimmed.startsWith("-") ? 1 : 0);
		if (colon < 0) {
			int value = part.applyAsInt(trimmed);
			return new InclusiveRange(value, value);
		}
		return new InclusiveRange(part.applyAsInt(trimmed.substring(0, colon)),
				part.applyAsInt(trimmed.substring(colon + 1)));
	}

	private static int weekday(String part) {
		String name = part.strip().toLowerCase(Locale.ROOT);
		for (int i = 0; i < WEEKDAYS.length; i++) {
			if (WEEKDAYS[i].equals(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException(part + " is not a valid weekday");
	}

	private static int month(String part) {
		String name = part.strip();
		if (name.matches("\\d+")) {
			int number = Integer.parseInt(name);
			if (number < 1 || number > 12) {
				throw new IllegalArgumentException(part + " is not a valid month");
			}
			return number;
		}
		for (Month month : Month.values()) {
			if (month.name().equalsIgnoreCase(name)) {
				return month.getValue();
			}
		}
		throw new IllegalArgumentException(part + " is not a valid month");
	}

	private static int number(String part, String what) {
		try {
			return Integer.parseInt(part.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(part + " is not a valid " + what, ex);
		}
	}

}
