package io.zgw.alerts.escalation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * ICalendar reads the shifts of an on-call calendar exported as iCalendar (RFC 5545), as
 * Google Calendar, Outlook, PagerDuty and Grafana OnCall write it: each {@code VEVENT}
 * puts the receiver its {@code SUMMARY} names on call from {@code DTSTART} to
 * {@code DTEND} (or for its {@code DURATION}), once or as its {@code RRULE} repeats (see
 * {@link Recurrence}), but for its {@code EXDATE}s and the occurrences moved or cancelled
 * by events with its {@code UID} and a {@code RECURRENCE-ID}. Times are UTC, in an IANA
 * {@code TZID}, or floating (in the schedule's zone); a length runs on the wall clock of
 * its start's zone. Errors name the line.
 */
public final class ICalendar {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

	private static final Pattern DURATION = Pattern
		.compile("\\+?P(?:(\\d{1,6})W|(?:(\\d{1,6})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?(?:(\\d{1,6})S)?)?)");

	private ICalendar() {
	}

	/**
	 * Reads an iCalendar DATE-TIME value, in UTC with a trailing {@code Z}, else in the
	 * zone; or a DATE value (8 digits), at the start of that day in the zone.
	 * @throws DateTimeParseException when it is neither
	 */
	static ZonedDateTime time(String value, ZoneId zone) {
		if (value.length() == 8) {
			return LocalDate.parse(value, DATE).atStartOfDay(zone);
		}
		if (value.endsWith("Z")) {
			return LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME).atZone(ZoneOffset.UTC);
		}
		return LocalDateTime.parse(value, DATE_TIME).atZone(zone);
	}

	/**
	 * Reads the shifts of a calendar, in file order.
	 * @param text the calendar file's text
	 * @param zone the zone of floating times and dates
	 * @param member maps an event's summary to the receiver on call, throwing
	 * {@link IllegalArgumentException} when it names none
	 * @throws IllegalArgumentException naming the line of what cannot be read
	 */
	public static List<CalendarShift> shifts(String text, ZoneId zone, UnaryOperator<String> member) {
		// A byte order mark, as some exporters write one.
		List<Event> events = events(contentLines(text.startsWith("\uFEFF") ? text.substring(1) : text));
		Map<String, Set<Instant>> moved = new HashMap<>();
		for (Event event : events) {
			if (event.recurrenceId != null) {
				if (event.uid().isEmpty()) {
					throw event.recurrenceId.error("RECURRENCE-ID in an event without UID");
				}
				moved.computeIfAbsent(event.uid(), (uid) -> new HashSet<>())
					.add(event.occurrence(event.recurrenceId, event.recurrenceId.value, zone));
			}
		}
		List<CalendarShift> shifts = new ArrayList<>();
		for (Event event : events) {
			if (!event.cancelled()) {
				shifts.addAll(event.shifts(zone, member,
						(event.recurrenceId == null) ? moved.getOrDefault(event.uid(), Set.of()) : Set.of()));
			}
		}
		return shifts;
	}

	// The lines of the text with folded lines joined (RFC 5545, 3.1), numbered as in
	// the file.
	private static List<ContentLine> contentLines(String text) {
		List<ContentLine> lines = new ArrayList<>();
		String[] raw = text.split("\r?\n", -1);
		StringBuilder current = null;
		int number = 0;
		for (int i = 0; i < raw.length; i++) {
			String line = raw[i];
			if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
				current.append(line, 1, line.length());
				continue;
			}
			if (current != null) {
				lines.add(ContentLine.parse(number, current.toString()));
				current = null;
			}
			if (!line.isBlank()) {
				current = new StringBuilder(line);
				number = i + 1;
			}
		}
		if (current != null) {
			lines.add(ContentLine.parse(number, current.toString()));
		}
		return lines;
	}

	// The top-level VEVENTs of the VCALENDAR; nested components (VALARM) and other
	// components (VTIMEZONE, VTODO) are skipped.
	private static List<Event> events(List<ContentLine> lines) {
		if (lines.isEmpty() || !lines.get(0).is("BEGIN", "VCALENDAR")) {
			throw new IllegalArgumentException("line 1: not an iCalendar file (it must begin with BEGIN:VCALENDAR)");
		}
		List<Event> events = new ArrayList<>();
		Deque<ContentLine> open = new ArrayDeque<>();
		Event event = null;
		for (ContentLine line : lines) {
			if (line.name.equals("BEGIN")) {
				open.push(line);
				if (open.size() == 2 && line.is("BEGIN", "VEVENT")) {
					event = new Event(line.number);
				}
			}
			else if (line.name.equals("END")) {
				ContentLine begin = open.poll();
				if (begin == null || !begin.value.equalsIgnoreCase(line.value)) {
					throw line.error("END:" + line.value + " closes "
							+ ((begin != null) ? "BEGIN:" + begin.value + " (line " + begin.number + ")" : "nothing"));
				}
				if (event != null && open.size() == 1) {
					events.add(event);
					event = null;
				}
			}
			else if (event != null && open.size() == 2) {
				event.add(line);
			}
		}
		if (!open.isEmpty()) {
			throw open.peek().error("BEGIN:" + open.peek().value + " is never closed");
		}
		return events;
	}

	/**
	 * Length is how long an event lasts: whole wall-clock days, then the time beyond.
	 */
	private record Length(long days, Duration time) {
	}

	/** ContentLine is one unfolded property line: name, parameters and value. */
	private record ContentLine(int number, String name, Map<String, String> params, String value) {

		static ContentLine parse(int number, String line) {
			int i = 0;
			while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
				i++;
			}
			String name = line.substring(0, i).toUpperCase(Locale.ROOT);
			Map<String, String> params = new LinkedHashMap<>();
			while (i < line.length() && line.charAt(i) == ';') {
				int equals = line.indexOf('=', i);
				if (equals < 0) {
					break;
				}
				String param = line.substring(i + 1, equals).toUpperCase(Locale.ROOT);
				int end = equals + 1;
				if (end < line.length() && line.charAt(end) == '"') {
					int close = line.indexOf('"', end + 1);
					end = (close < 0) ? line.length() : close + 1;
				}
				while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
					end++;
				}
				params.put(param, line.substring(equals + 1, end).replace("\"", ""));
				i = end;
			}
			if (name.isEmpty() || i >= line.length() || line.charAt(i) != ':') {
				throw new IllegalArgumentException("line " + number + ": not a property (NAME:value): " + line);
			}
			return new ContentLine(number, name, params, line.substring(i + 1));
		}

		boolean is(String name, String value) {
			return this.name.equals(name) && this.value.equalsIgnoreCase(value);
		}

		IllegalArgumentException error(String message) {
			return new IllegalArgumentException("line " + this.number + ": " + message);
		}

		boolean isDate() {
			return "DATE".equalsIgnoreCase(this.params.get("VALUE")) || this.value.length() == 8;
		}

		// A DATE-TIME in UTC, in its TZID or floating in the zone; a DATE at the start
		// of that day.
		ZonedDateTime time(String value, ZoneId zone) {
			try {
				return ICalendar.time(value, zone(zone));
			}
			catch (DateTimeParseException ex) {
				throw error(this.name + " must be a date (20260105) or a date-time (20260105T090000, with Z for UTC), "
						+ "got \"" + value + "\"");
			}
		}

		private ZoneId zone(ZoneId floating) {
			String tzid = this.params.get("TZID");
			if (tzid == null) {
				return floating;
			}
			try {
				return ZoneId.of(tzid.startsWith("/") ? tzid.substring(1) : tzid);
			}
			catch (DateTimeException ex) {
				throw error("unknown TZID \"" + tzid + "\" (an IANA zone such as Europe/Berlin is needed)");
			}
		}

	}

	/** Event is the properties of one VEVENT, read into a shift once all are seen. */
	private static final class Event {

		private final int line;

		private final Map<String, ContentLine> properties = new HashMap<>();

		private final List<ContentLine> exdates = new ArrayList<>();

		private final List<ContentLine> rdates = new ArrayList<>();

		private @Nullable ContentLine recurrenceId;

		Event(int line) {
			this.line = line;
		}

		void add(ContentLine property) {
			switch (property.name) {
				case "EXDATE" -> this.exdates.add(property);
				case "RDATE" -> this.rdates.add(property);
				case "RECURRENCE-ID" -> {
					if (property.params.containsKey("RANGE")) {
						throw property.error("RECURRENCE-ID with RANGE is not supported");
					}
					this.recurrenceId = property;
				}
				default -> {
					if (this.properties.putIfAbsent(property.name, property) != null
							&& (property.name.equals("RRULE") || property.name.equals("DTSTART"))) {
						throw property.error("a second " + property.name + " in the event of line " + this.line);
					}
				}
			}
		}

		String uid() {
			ContentLine uid = this.properties.get("UID");
			return (uid != null) ? uid.value : "";
		}

		boolean cancelled() {
			ContentLine status = this.properties.get("STATUS");
			return status != null && status.value.equalsIgnoreCase("CANCELLED");
		}

		// The start of the occurrence a RECURRENCE-ID, an EXDATE or an RDATE value
		// names: a date stands for the occurrence that day, at the series' time.
		Instant occurrence(ContentLine property, String value, ZoneId zone) {
			return occurrenceTime(property, value, zone).toInstant();
		}

		private ZonedDateTime occurrenceTime(ContentLine property, String value, ZoneId zone) {
			ZonedDateTime start = start(zone);
			ZonedDateTime named = property.time(value, zone);
			if (value.length() == 8 && !required("DTSTART").isDate()) {
				return named.toLocalDate().atTime(start.toLocalTime()).atZone(start.getZone());
			}
			return named;
		}

		private ZonedDateTime start(ZoneId zone) {
			ContentLine start = required("DTSTART");
			return start.time(start.value, zone);
		}

		// The event's shift, and one more for each RDATE value not excluded.
		List<CalendarShift> shifts(ZoneId zone, UnaryOperator<String> member, Set<Instant> moved) {
			ContentLine summary = this.properties.get("SUMMARY");
			if (summary == null) {
				throw new IllegalArgumentException(
						"line " + this.line + ": an event without SUMMARY (the receiver on call)");
			}
			String receiver;
			try {
				receiver = member.apply(unescape(summary.value).strip());
			}
			catch (IllegalArgumentException ex) {
				throw summary.error(ex.getMessage());
			}
			ZonedDateTime start = start(zone);
			ContentLine rule = this.properties.get("RRULE");
			Set<Instant> excluded = new HashSet<>(moved);
			for (ContentLine exdate : this.exdates) {
				for (String value : exdate.value.split(",")) {
					excluded.add(occurrence(exdate, value, zone));
				}
			}
			Length length = length(start, zone);
			List<CalendarShift> shifts = new ArrayList<>();
			try {
				Recurrence recurrence = (rule != null) ? Recurrence.parse(rule.value, start.getZone()) : null;
				shifts.add(new CalendarShift(receiver, start, length.days(), length.time(), recurrence, excluded));
			}
			catch (IllegalArgumentException ex) {
				throw ((rule != null) ? rule : required("DTSTART")).error(ex.getMessage());
			}
			for (ContentLine rdate : this.rdates) {
				boolean period = "PERIOD".equalsIgnoreCase(rdate.params.get("VALUE"));
				for (String value : rdate.value.split(",")) {
					int slash = value.indexOf('/');
					if (period == (slash < 0)) {
						throw rdate.error("RDATE "
								+ (period ? "periods are start/end or start/duration"
										: "takes dates or date-times (VALUE=PERIOD for start/end)")
								+ ", got \"" + value + "\"");
					}
					ZonedDateTime extra = period ? rdate.time(value.substring(0, slash), zone)
							: occurrenceTime(rdate, value, zone);
					Length extraLength = period ? periodLength(rdate, extra, value.substring(slash + 1), zone) : length;
					try {
						if (!excluded.contains(extra.toInstant())) {
							shifts.add(new CalendarShift(receiver, extra, extraLength.days(), extraLength.time(), null,
									Set.of()));
						}
					}
					catch (IllegalArgumentException ex) {
						throw rdate.error(ex.getMessage());
					}
				}
			}
			return shifts;
		}

		private Length length(ZonedDateTime start, ZoneId zone) {
			ContentLine end = this.properties.get("DTEND");
			ContentLine duration = this.properties.get("DURATION");
			if (end != null) {
				return between(end, start, end.time(end.value, zone), "DTEND must be after DTSTART");
			}
			if (duration != null) {
				return duration(duration, duration.value, "DURATION");
			}
			if (required("DTSTART").isDate()) {
				return new Length(1, Duration.ZERO);
			}
			throw new IllegalArgumentException("line " + this.line + ": an event without DTEND or DURATION");
		}

		// An RDATE period's length: to its end, or its duration (RFC 5545, 3.3.9).
		private static Length periodLength(ContentLine rdate, ZonedDateTime start, String end, ZoneId zone) {
			if (end.startsWith("P") || end.startsWith("+P")) {
				return duration(rdate, end, "an RDATE period's duration");
			}
			return between(rdate, start, rdate.time(end, zone), "an RDATE period must end after it starts");
		}

		// Whole wall-clock days in the start's zone from start to end, then the rest.
		private static Length between(ContentLine line, ZonedDateTime start, ZonedDateTime end, String backwards) {
			LocalDateTime from = start.toLocalDateTime();
			LocalDateTime to = end.withZoneSameInstant(start.getZone()).toLocalDateTime();
			if (!to.isAfter(from)) {
				throw line.error(backwards);
			}
			long days = ChronoUnit.DAYS.between(from, to);
			return new Length(days, Duration.between(from.plusDays(days), to));
		}

		private static Length duration(ContentLine line, String value, String what) {
			Matcher matcher = DURATION.matcher(value);
			if (!matcher.matches() || value.endsWith("P") || value.endsWith("T")) {
				throw line.error(what + " must be positive, such as P1W, P1D or PT12H, got \"" + value + "\"");
			}
			return new Length(7 * number(matcher.group(1)) + number(matcher.group(2)),
					Duration.ofHours(number(matcher.group(3)))
						.plusMinutes(number(matcher.group(4)))
						.plusSeconds(number(matcher.group(5))));
		}

		private ContentLine required(String name) {
			ContentLine property = this.properties.get(name);
			if (property == null) {
				throw new IllegalArgumentException("line " + this.line + ": an event without " + name);
			}
			return property;
		}

		private static long number(@Nullable String digits) {
			return (digits != null) ? Long.parseLong(digits) : 0;
		}

		// TEXT escapes (RFC 5545, 3.3.11).
		private static String unescape(String text) {
			StringBuilder out = new StringBuilder(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\\' && i + 1 < text.length()) {
					char next = text.charAt(++i);
					out.append((next == 'n' || next == 'N') ? '\n' : next);
				}
				else {
					out.append(c);
				}
			}
			return out.toString();
		}

	}

}
