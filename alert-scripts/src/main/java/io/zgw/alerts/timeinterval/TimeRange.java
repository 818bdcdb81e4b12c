package io.zgw.alerts.timeinterval;

/**
 * TimeRange is a span of the day in minutes since midnight, start inclusive and end
 * exclusive, as Alertmanager's {@code times} entries.
 *
 * @param startMinute first minute inside the range (0..1439)
 * @param endMinute first minute after the range (1..1440)
 */
public record TimeRange(int startMinute, int endMinute) {

	public TimeRange {
		if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
			throw new IllegalArgumentException("start time cannot be equal or greater than end time");
		}
	}

	/**
	 * Parses {@code HH:MM} (00:00 to 24:00) into minutes since midnight.
	 * @throws IllegalArgumentException when the text is not a valid time of day
	 */
	public static int parseMinutes(String text) {
		if (text.matches("(([01][0-9])|(2[0-3])):[0-5][0-9]") || text.equals("24:00")) {
			return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
		}
		throw new IllegalArgumentException("couldn't parse timestamp " + text + ", invalid format");
	}

	/** Returns whether the minute of the day lies inside the range. */
	public boolean contains(int minuteOfDay) {
		return minuteOfDay >= this.startMinute && minuteOfDay < this.endMinute;
	}

}
