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
	void monthlyRulesAsGoogleCalendarAndOutlookWriteThemKeepTheirWallClockTime() {
		// The last Friday's weekend, as Google Calendar writes it: across the change to
		// summer time on 2026-03-29 the handoff stays at Monday 09:00.
		CalendarRotation lastFriday = calendar(monthly("carol", "20260130T180000", "P2DT15H", "BYDAY=-1FR"));
		assertThat(at(lastFriday, "2026-01-30T18:00:00")).contains("carol");
		assertThat(at(lastFriday, "2026-02-20T18:00:00")).isEmpty();
		assertThat(at(lastFriday, "2026-02-27T18:00:00")).contains("carol");
		assertThat(at(lastFriday, "2026-03-30T08:59:59")).contains("carol");
		assertThat(at(lastFriday, "2026-03-30T09:00:00")).isEmpty();
		assertThat(at(lastFriday, "2026-05-22T20:00:00")).isEmpty();
		assertThat(at(lastFriday, "2026-05-29T20:00:00")).contains("carol");
		// The same as Outlook writes it.
		CalendarRotation outlook = calendar(monthly("carol", "20260130T180000", "P2DT15H", "BYDAY=FR;BYSETPOS=-1"));
		for (String time : List.of("2026-02-20T18:00:00", "2026-02-27T18:00:00", "2026-03-30T08:59:59",
				"2026-05-22T20:00:00", "2026-05-29T20:00:00")) {
			assertThat(at(outlook, time)).as(time).isEqualTo(at(lastFriday, time));
		}
		// The first Monday's office hours, three times.
		CalendarRotation firstMonday = calendar(monthly("bob", "20260302T090000", "PT8H", "BYDAY=1MO;COUNT=3"));
		assertThat(at(firstMonday, "2026-03-02T12:00:00")).contains("bob");
		assertThat(at(firstMonday, "2026-03-09T12:00:00")).isEmpty();
		assertThat(at(firstMonday, "2026-04-06T12:00:00")).contains("bob");
		assertThat(at(firstMonday, "2026-04-06T17:00:00")).isEmpty();
		assertThat(at(firstMonday, "2026-05-04T12:00:00")).contains("bob");
		assertThat(at(firstMonday, "2026-06-01T12:00:00")).isEmpty();
		// The last day of every month, counted from its end.
		CalendarRotation monthEnd = calendar(monthly("alice", "20260131T000000", "P1D", "BYMONTHDAY=-1"));
		assertThat(at(monthEnd, "2026-02-28T12:00:00")).contains("alice");
		assertThat(at(monthEnd, "2026-03-30T12:00:00")).isEmpty();
		assertThat(at(monthEnd, "2026-03-31T12:00:00")).contains("alice");
		assertThat(at(monthEnd, "2026-04-30T12:00:00")).contains("alice");
		// Friday the 13th: the weekday limits the day of the month.
		CalendarRotation friday13 = calendar(monthly("dave", "20260213T000000", "P1D", "BYDAY=FR;BYMONTHDAY=13"));
		assertThat(at(friday13, "2026-03-13T12:00:00")).contains("dave");
		assertThat(at(friday13, "2026-04-13T12:00:00")).isEmpty();
		assertThat(at(friday13, "2026-11-13T12:00:00")).contains("dave");
	}

	@Test
	void daysAMonthOrYearLacksAreSkippedAndYearlyRulesPickTheirMonths() {
		CalendarRotation the31st = calendar(monthly("alice", "20260131T090000", "PT8H", "INTERVAL=1"));
		assertThat(at(the31st, "2026-01-31T12:00:00")).contains("alice");
		assertThat(at(the31st, "2026-02-28T12:00:00")).isEmpty();
		assertThat(at(the31st, "2026-03-31T12:00:00")).contains("alice");
		assertThat(at(the31st, "2026-04-30T12:00:00")).isEmpty();
		assertThat(at(the31st, "2026-05-31T12:00:00")).contains("alice");
		CalendarRotation leapDay = calendar("""
				BEGIN:VEVENT
				UID:leap
				SUMMARY:bob
				DTSTART;VALUE=DATE:20280229
				RRULE:FREQ=YEARLY
				END:VEVENT
				""");
		assertThat(at(leapDay, "2028-02-29T12:00:00")).contains("bob");
		assertThat(at(leapDay, "2029-02-28T12:00:00")).isEmpty();
		assertThat(at(leapDay, "2029-03-01T12:00:00")).isEmpty();
		assertThat(at(leapDay, "2032-02-29T12:00:00")).contains("bob");
		// A count no leap day reaches before the year 9999 is counted up to it, not
		// through 400,000 years of days.
		CalendarRotation counted = calendar("BEGIN:VEVENT\nSUMMARY:bob\nDTSTART;VALUE=DATE:20280229\n"
				+ "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=100000\nEND:VEVENT\n");
		assertThat(at(counted, "2032-02-29T12:00:00")).contains("bob");
		assertThat(at(counted, "2032-03-01T12:00:00")).isEmpty();
		CalendarRotation holidays = calendar("""
				BEGIN:VEVENT
				UID:holidays
				SUMMARY:carol
				DTSTART;VALUE=DATE:20261224
				RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24,31
				END:VEVENT
				BEGIN:VEVENT
				UID:first-monday-of-august
				SUMMARY:dave
				DTSTART;VALUE=DATE:20260803
				RRULE:FREQ=YEARLY;BYMONTH=8;BYDAY=1MO
				END:VEVENT
				""");
		assertThat(at(holidays, "2026-12-24T12:00:00")).contains("carol");
		assertThat(at(holidays, "2026-12-25T12:00:00")).isEmpty();
		assertThat(at(holidays, "2026-12-31T12:00:00")).contains("carol");
		assertThat(at(holidays, "2027-12-24T12:00:00")).contains("carol");
		assertThat(at(holidays, "2027-12-31T12:00:00")).contains("carol");
		assertThat(at(holidays, "2027-08-02T12:00:00")).contains("dave");
		assertThat(at(holidays, "2027-08-09T12:00:00")).isEmpty();
		assertThat(at(holidays, "2028-08-07T12:00:00")).contains("dave");
		// A day of the month without months: that day of every month (RFC 5545).
		CalendarRotation mid = calendar(
				"BEGIN:VEVENT\nSUMMARY:bob\nDTSTART;VALUE=DATE:20260115\nRRULE:FREQ=YEARLY;BYMONTHDAY=15\nEND:VEVENT\n");
		assertThat(at(mid, "2026-02-15T12:00:00")).contains("bob");
		assertThat(at(mid, "2026-02-16T12:00:00")).isEmpty();
		assertThat(at(mid, "2027-07-15T12:00:00")).contains("bob");
	}

	@Test
	void rdateAddsOccurrencesThatExdatesAndExceptionsAlsoReach() {
		CalendarRotation calendar = calendar("""
				BEGIN:VEVENT
				UID:r
				SUMMARY:alice
				DTSTART:20260302T090000
				DTEND:20260302T170000
				RRULE:FREQ=WEEKLY;COUNT=2
				RDATE:20260318T090000,20260320T090000
				RDATE;VALUE=DATE:20260325
				RDATE;VALUE=PERIOD:20260401T120000/20260402T120000,20260403T090000/PT2H
				EXDATE:20260320T090000
				END:VEVENT
				BEGIN:VEVENT
				UID:r
				RECURRENCE-ID:20260318T090000
				SUMMARY:bob
				DTSTART:20260318T100000
				DTEND:20260318T110000
				END:VEVENT
				""");
		assertThat(at(calendar, "2026-03-09T12:00:00")).contains("alice");
		assertThat(at(calendar, "2026-03-16T12:00:00")).isEmpty();
		// The RDATE of 18 March is moved to bob's hour, the one of 20 March excluded.
		assertThat(at(calendar, "2026-03-18T09:30:00")).isEmpty();
		assertThat(at(calendar, "2026-03-18T10:30:00")).contains("bob");
		assertThat(at(calendar, "2026-03-20T12:00:00")).isEmpty();
		// A date is that day at the series' time, for the series' length.
		assertThat(at(calendar, "2026-03-25T08:59:59")).isEmpty();
		assertThat(at(calendar, "2026-03-25T16:59:59")).contains("alice");
		assertThat(at(calendar, "2026-03-25T17:00:00")).isEmpty();
		// Periods have lengths of their own.
		assertThat(at(calendar, "2026-04-01T20:00:00")).contains("alice");
		assertThat(at(calendar, "2026-04-02T11:59:59")).contains("alice");
		assertThat(at(calendar, "2026-04-02T12:00:00")).isEmpty();
		assertThat(at(calendar, "2026-04-03T10:59:59")).contains("alice");
		assertThat(at(calendar, "2026-04-03T11:00:00")).isEmpty();
	}

	// A monthly series in the schedule's zone, from a start, for a duration, with more
	// rule parts.
	private static String monthly(String member, String start, String duration, String parts) {
		return "BEGIN:VEVENT\nUID:" + member + "-monthly\nSUMMARY:" + member + "\nDTSTART;TZID=Europe/Berlin:" + start
				+ "\nDURATION:" + duration + "\nRRULE:FREQ=MONTHLY;" + parts + "\nEND:VEVENT\n";
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
		assertThat(error(event("RRULE:FREQ=HOURLY")))
			.isEqualTo("line 8: RRULE FREQ=HOURLY is not supported (only DAILY, WEEKLY, MONTHLY and YEARLY)");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYHOUR=9")))
			.startsWith("line 8: RRULE part BYHOUR is not supported");
		assertThat(error(event("RRULE:FREQ=WEEKLY;BYDAY=1MO"))).isEqualTo(
				"line 8: RRULE BYDAY 1MO (a weekday's place in its month) needs FREQ=MONTHLY, or FREQ=YEARLY with BYMONTH");
		assertThat(error(event("RRULE:FREQ=YEARLY;BYDAY=-1MO"))).isEqualTo(
				"line 8: RRULE BYDAY -1MO (a weekday's place in its month) needs FREQ=MONTHLY, or FREQ=YEARLY with BYMONTH");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYDAY=6MO")))
			.isEqualTo("line 8: RRULE BYDAY ordinal must be -5 to 5 in a month, got 6");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYDAY=0MO")))
			.isEqualTo("line 8: RRULE BYDAY \"0MO\": a weekday's place is not 0");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYDAY=MON")))
			.startsWith("line 8: RRULE BYDAY \"MON\" is not a weekday");
		assertThat(error(event("RRULE:FREQ=WEEKLY;BYMONTHDAY=2")))
			.isEqualTo("line 8: RRULE BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYMONTHDAY=32")))
			.isEqualTo("line 8: RRULE BYMONTHDAY must be 1 to 31 or -31 to -1, got 32");
		assertThat(error(event("RRULE:FREQ=YEARLY;BYMONTH=13")))
			.isEqualTo("line 8: RRULE BYMONTH must be 1 to 12, got 13");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYSETPOS=1")))
			.isEqualTo("line 8: RRULE BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH (RFC 5545)");
		assertThat(error(event("RRULE:FREQ=WEEKLY;BYDAY=TU")))
			.isEqualTo("line 8: DTSTART falls on MONDAY 2026-03-02, which is not one of the rule's days");
		assertThat(error(event("RRULE:FREQ=MONTHLY;BYDAY=-1MO")))
			.isEqualTo("line 8: DTSTART falls on MONDAY 2026-03-02, which is not one of the rule's days");
		assertThat(error(event("RDATE;VALUE=PERIOD:20260310T090000")))
			.isEqualTo("line 8: RDATE periods are start/end or start/duration, got \"20260310T090000\"");
		assertThat(error(event("RDATE:20260310T090000/PT1H"))).isEqualTo(
				"line 8: RDATE takes dates or date-times (VALUE=PERIOD for start/end), got \"20260310T090000/PT1H\"");
		assertThat(error(event("RDATE;VALUE=PERIOD:20260310T090000/20260310T080000")))
			.isEqualTo("line 8: an RDATE period must end after it starts");
		assertThat(error(event("RDATE;VALUE=PERIOD:20260310T090000/P")))
			.startsWith("line 8: an RDATE period's duration must be positive");
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
