package io.zgw.alerts.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ICalendarTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Set<String> RECEIVERS = Set.of("alice", "bob", "carol", "dave", "Erin O'Neil, DBA");

	private static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	// The calendar's events between a VCALENDAR's lines, in CRLF as RFC 5545 writes.
	private static CalendarRotation calendar(String events) {
		String text = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + events + "END:VCALENDAR\n").replace("\n",
				"\r\n");
		List<CalendarShift> shifts = ICalendar.shifts(text, BERLIN, (summary) -> {
			if (!RECEIVERS.contains(summary)) {
				throw new IllegalArgumentException("no receiver " + summary);
			}
			return summary;
		});
		return new CalendarRotation(shifts);
	}

	private static Optional<String> at(CalendarRotation calendar, String berlinTime) {
		return calendar.memberAt(berlin(berlinTime));
	}

	// Two people alternate weekly from Monday 09:00, each event repeating every two
	// weeks, as a calendar app exports a fortnightly series per person.
	private static final String ALTERNATING = """
			BEGIN:VEVENT
			UID:alice-series
			SUMMARY:alice
			DTSTART;TZID=Europe/Berlin:20260316T090000
			DTEND;TZID=Europe/Berlin:20260323T090000
			RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO
			END:VEVENT
			BEGIN:VEVENT
			UID:bob-series
			SUMMARY:bob
			DTSTART;TZID=Europe/Berlin:20260323T090000
			DTEND;TZID=Europe/Berlin:20260330T090000
			RRULE:FREQ=WEEKLY;INTERVAL=2
			END:VEVENT
			""";

	@Test
	void weeklySeriesHandOverAtTheSameWallClockTimeAcrossDaylightSavingTime() {
		CalendarRotation calendar = calendar(ALTERNATING);
		assertThat(at(calendar, "2026-03-16T08:59:59")).isEmpty();
		assertThat(at(calendar, "2026-03-16T09:00:00")).contains("alice");
		assertThat(at(calendar, "2026-03-23T08:59:59")).contains("alice");
		assertThat(at(calendar, "2026-03-23T09:00:00")).contains("bob");
		// Clocks go forward on 2026-03-29: bob's week is an hour shorter, and alice
		// still takes over at 09:00 local.
		assertThat(at(calendar, "2026-03-30T08:59:59")).contains("bob");
		assertThat(at(calendar, "2026-03-30T09:00:00")).contains("alice");
		assertThat(at(calendar, "2026-04-06T09:00:00")).contains("bob");
		// Clocks go back on 2026-10-25: bob's week is an hour longer, not cut short.
		assertThat(at(calendar, "2026-10-26T08:59:59")).contains("bob");
		assertThat(at(calendar, "2026-10-26T09:00:00")).contains("alice");
		// A year on, the series still alternate.
		assertThat(at(calendar, "2027-03-15T10:00:00")).contains("alice");
		assertThat(at(calendar, "2027-03-22T10:00:00")).contains("bob");
	}

	@Test
	void anExceptionWithTheSeriesUidReplacesOneOccurrenceAndExdateOrCancellationRemovesOne() {
		CalendarRotation calendar = calendar(ALTERNATING + """
				BEGIN:VEVENT
				UID:alice-series
				RECURRENCE-ID;TZID=Europe/Berlin:20260413T090000
				SUMMARY:carol
				DTSTART;TZID=Europe/Berlin:20260413T090000
				DTEND;TZID=Europe/Berlin:20260415T090000
				END:VEVENT
				BEGIN:VEVENT
				UID:dave-swap
				SUMMARY:dave
				DTSTART;TZID=Europe/Berlin:20260406T090000
				DTEND;TZID=Europe/Berlin:20260407T090000
				END:VEVENT
				BEGIN:VEVENT
				UID:bob-series
				RECURRENCE-ID;TZID=Europe/Berlin:20260420T090000
				STATUS:CANCELLED
				SUMMARY:bob
				DTSTART;TZID=Europe/Berlin:20260420T090000
				DTEND;TZID=Europe/Berlin:20260427T090000
				END:VEVENT
				""");
		// carol covers two days of alice's week; the rest of the week is nobody's.
		assertThat(at(calendar, "2026-04-13T09:00:00")).contains("carol");
		assertThat(at(calendar, "2026-04-15T08:59:59")).contains("carol");
		assertThat(at(calendar, "2026-04-15T09:00:00")).isEmpty();
		// dave's one-off day begins with bob's week: the one-off wins, then bob's on.
		assertThat(at(calendar, "2026-04-06T09:00:00")).contains("dave");
		assertThat(at(calendar, "2026-04-07T09:00:00")).contains("bob");
		// bob's week of 2026-04-20 is cancelled; the weeks around it are not.
		assertThat(at(calendar, "2026-04-22T12:00:00")).isEmpty();
		assertThat(at(calendar, "2026-04-08T12:00:00")).contains("bob");
		assertThat(at(calendar, "2026-05-04T12:00:00")).contains("bob");
		assertThat(at(calendar, "2026-04-27T12:00:00")).contains("alice");

		CalendarRotation withExdate = calendar(ALTERNATING.replace("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
				"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO\nEXDATE;TZID=Europe/Berlin:20260330T090000,20260413T090000"));
		assertThat(at(withExdate, "2026-03-16T12:00:00")).contains("alice");
		assertThat(at(withExdate, "2026-03-31T12:00:00")).isEmpty();
		assertThat(at(withExdate, "2026-04-14T12:00:00")).isEmpty();
		assertThat(at(withExdate, "2026-04-28T12:00:00")).contains("alice");
	}

	@Test
	void countAndUntilEndASeries() {
		CalendarRotation calendar = calendar("""
				BEGIN:VEVENT
				UID:a
				SUMMARY:alice
				DTSTART:20260302T080000Z
				DTEND:20260302T200000Z
				RRULE:FREQ=DAILY;COUNT=3
				END:VEVENT
				BEGIN:VEVENT
				UID:b
				SUMMARY:bob
				DTSTART:20260302T200000Z
				DURATION:PT12H
				RRULE:FREQ=DAILY;INTERVAL=1;UNTIL=20260304T200000Z
				END:VEVENT
				""");
		assertThat(calendar.memberAt(Instant.parse("2026-03-04T19:59:59Z"))).contains("alice");
		assertThat(calendar.memberAt(Instant.parse("2026-03-05T07:59:59Z"))).contains("bob");
		assertThat(calendar.memberAt(Instant.parse("2026-03-05T08:00:00Z"))).isEmpty();
		assertThat(calendar.memberAt(Instant.parse("2026-03-05T20:00:00Z"))).isEmpty();
		assertThat(calendar.memberAt(Instant.parse("2026-06-01T12:00:00Z"))).isEmpty();
	}

	@Test
	void weekdayBusinessHoursAllDayEventsAndFloatingTimesFollowTheScheduleZone() {
		CalendarRotation calendar = calendar("""
				BEGIN:VEVENT
				UID:office
				SUMMARY:dave
				DTSTART:20260302T090000
				DTEND:20260302T170000
				RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR
				END:VEVENT
				BEGIN:VEVENT
				UID:holiday
				SUMMARY:carol
				DTSTART;VALUE=DATE:20260406
				END:VEVENT
				BEGIN:VEVENT
				UID:thursdays-and-saturdays
				SUMMARY:bob
				DTSTART:20260307T000000
				DURATION:P1D
				RRULE:FREQ=WEEKLY;BYDAY=TH,SA;COUNT=2
				END:VEVENT
				""");
		// The series begins on a Saturday: its two occurrences are that day and the
		// Thursday after, not the Thursday before.
		assertThat(at(calendar, "2026-03-05T20:00:00")).isEmpty();
		assertThat(at(calendar, "2026-03-07T10:00:00")).contains("bob");
		assertThat(at(calendar, "2026-03-12T20:00:00")).contains("bob");
		assertThat(at(calendar, "2026-03-14T10:00:00")).isEmpty();
		assertThat(at(calendar, "2026-03-06T16:59:59")).contains("dave");
		assertThat(at(calendar, "2026-03-06T17:00:00")).isEmpty();
		assertThat(at(calendar, "2026-03-09T09:00:00")).contains("dave");
		// The all-day event covers the day; within it the business hours win, as
		// they began later.
		assertThat(at(calendar, "2026-04-06T00:00:00")).contains("carol");
		assertThat(at(calendar, "2026-04-06T08:00:00")).contains("carol");
		assertThat(at(calendar, "2026-04-06T12:00:00")).contains("dave");
		assertThat(at(calendar, "2026-04-06T23:59:59")).contains("carol");
		assertThat(at(calendar, "2026-04-07T00:00:00")).isEmpty();
	}

	@Test
	void theShiftThatBeganLastWinsAndFoldedEscapedLinesAndAlarmsAreRead() {
		CalendarRotation calendar = calendar("""
				BEGIN:VTIMEZONE
				TZID:Europe/Berlin
				BEGIN:STANDARD
				DTSTART:19701025T030000
				TZOFFSETFROM:+0200
				TZOFFSETTO:+0100
				END:STANDARD
				END:VTIMEZONE
				BEGIN:VEVENT
				UID:week
				SUMMARY:alice
				DTSTART;TZID="Europe/Berlin":20260504T090000
				DTEND;TZID="Europe/Berlin":20260511T090000
				BEGIN:VALARM
				ACTION:DISPLAY
				SUMMARY:bob
				TRIGGER:-PT15M
				END:VALARM
				END:VEVENT
				BEGIN:VEVENT
				UID:swap
				SUMMARY:Erin O'Neil\\, D
				 BA
				DTSTART;TZID=Europe/Berlin:20260506T180000
				DTEND;TZID=Europe/Berlin:20260507T090000
				END:VEVENT
				""");
		assertThat(at(calendar, "2026-05-06T17:59:59")).contains("alice");
		assertThat(at(calendar, "2026-05-06T18:00:00")).contains("Erin O'Neil, DBA");
		assertThat(at(calendar, "2026-05-07T09:00:00")).contains("alice");
	}

	@Test
	void aByteOrderMarkBeforeTheCalendarIsSkipped() {
		List<CalendarShift> shifts = ICalendar.shifts(
				"\uFEFFBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:alice\r\n"
						+ "DTSTART:20260302T090000Z\r\nDURATION:PT8H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
				BERLIN, (s) -> s);
		assertThat(new CalendarRotation(shifts).memberAt(Instant.parse("2026-03-02T12:00:00Z"))).contains("alice");
	}

	@Test
	void whatCannotBeReadIsNamedWithItsLine() {
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART;TZID=W. Europe Standard Time:20260302T090000\n"
				+ "DTEND:20260302T170000\nEND:VEVENT\n"))
			.isEqualTo("line 6: unknown TZID \"W. Europe Standard Time\" (an IANA zone such as Europe/Berlin "
					+ "is needed)");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYMONTHDAY=1")))
			.isEqualTo("line 8: RRULE FREQ=MONTHLY is not supported (only DAILY and WEEKLY)");
		assertThat(error(event("RRULE:FREQ=WEEKLY;BYDAY=1MO")))
			.startsWith("line 8: RRULE weekday \"1MO\" is not supported");
		assertThat(error(event("RRULE:FREQ=WEEKLY;BYDAY=TU")))
			.isEqualTo("line 8: DTSTART falls on MONDAY, which is not one of the rule's BYDAY days");
		assertThat(error(event("RDATE:20260310T090000"))).startsWith("line 8: RDATE is not supported");
		assertThat(error(event("RRULE:FREQ=DAILY;COUNT=2;UNTIL=20260310")))
			.isEqualTo("line 8: a rule takes UNTIL or COUNT, not both");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nEND:VEVENT\n"))
			.isEqualTo("line 4: an event without DTEND or DURATION");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nDTEND:20260302T080000\nEND:VEVENT\n"))
			.isEqualTo("line 7: DTEND must be after DTSTART");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:2026-03-02\nDURATION:P1D\nEND:VEVENT\n"))
			.startsWith("line 6: DTSTART must be a date (20260105) or a date-time");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:zoe\nDTSTART:20260302T090000\nDURATION:P1W\nEND:VEVENT\n"))
			.isEqualTo("line 5: no receiver zoe");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nDURATION:PT\nEND:VEVENT\n"))
			.startsWith("line 7: DURATION must be positive");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nDURATION:P9999999W\nEND:VEVENT\n"))
			.startsWith("line 7: DURATION must be positive");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nDURATION:P53W\nEND:VEVENT\n"))
			.isEqualTo("line 6: a shift lasts at most 366 days");
		assertThat(error(event("RRULE:FREQ=DAILY;INTERVAL=1001")))
			.isEqualTo("line 8: INTERVAL must be between 1 and 1000, got 1001");
		assertThat(error("BEGIN:VEVENT\nSUMMARY:alice\nDTSTART:20260302T090000\nDURATION:P1D\n"))
			.isEqualTo("line 8: END:VCALENDAR closes BEGIN:VEVENT (line 4)");
		assertThat(error("BEGIN:VEVENT\nSUMMARY alice\nEND:VEVENT\n"))
			.isEqualTo("line 5: not a property (NAME:value): SUMMARY alice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ICalendar.shifts("BEGIN:VEVENT\r\nEND:VEVENT\r\n", BERLIN, (summary) -> summary))
			.withMessage("line 1: not an iCalendar file (it must begin with BEGIN:VCALENDAR)");
	}

	// A Monday event with one more property on line 8.
	private static String event(String property) {
		return "BEGIN:VEVENT\nUID:x\nSUMMARY:alice\nDTSTART:20260302T090000\n" + property
				+ "\nDURATION:P1D\nEND:VEVENT\n";
	}

	private static String error(String events) {
		try {
			calendar(events);
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("read without error: " + events);
	}

}
