package io.zgw.alerts.timeinterval;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeIntervalTest {

	private static TimeInterval interval(List<TimeRange> times, List<InclusiveRange> weekdays,
			List<InclusiveRange> days, List<InclusiveRange> months, List<InclusiveRange> years, ZoneId zone) {
		return new TimeInterval(times, weekdays, days, months, years, zone);
	}

	@Test
	void endTimeIsExclusive() {
		TimeInterval interval = TimeInterval
			.ofTimes(new TimeRange(TimeRange.parseMinutes("09:00"), TimeRange.parseMinutes("17:00")));
		assertThat(interval.contains(Instant.parse("2026-11-27T09:00:00Z"))).isTrue();
		assertThat(interval.contains(Instant.parse("2026-11-27T16:59:59Z"))).isTrue();
		assertThat(interval.contains(Instant.parse("2026-11-27T17:00:00Z"))).isFalse();
		assertThat(interval.contains(Instant.parse("2026-11-27T08:59:00Z"))).isFalse();
	}

	@Test
	void weekdayRangesUseNamesAndSundayIsZero() {
		TimeInterval weekdays = interval(List.of(), List.of(InclusiveRange.weekdays("Monday:friday")), List.of(),
				List.of(), List.of(), ZoneOffset.UTC);
		assertThat(weekdays.contains(Instant.parse("2026-11-27T12:00:00Z"))).as("Friday").isTrue();
		assertThat(weekdays.contains(Instant.parse("2026-11-28T12:00:00Z"))).as("Saturday").isFalse();
		assertThat(InclusiveRange.weekdays("sunday")).isEqualTo(new InclusiveRange(0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.weekdays("saturday:sunday"));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.weekdays("funday"));
	}

	@Test
	void negativeDaysOfMonthCountFromTheEnd() {
		TimeInterval lastDays = interval(List.of(), List.of(), List.of(InclusiveRange.daysOfMonth("-2:-1")), List.of(),
				List.of(), ZoneOffset.UTC);
		assertThat(lastDays.contains(Instant.parse("2026-02-27T00:00:00Z"))).isTrue();
		assertThat(lastDays.contains(Instant.parse("2026-02-26T23:59:00Z"))).isFalse();
		assertThat(lastDays.contains(Instant.parse("2026-01-30T00:00:00Z"))).isTrue();
		TimeInterval firstToLast = interval(List.of(), List.of(), List.of(InclusiveRange.daysOfMonth("1:-1")),
				List.of(), List.of(), ZoneOffset.UTC);
		assertThat(firstToLast.contains(Instant.parse("2026-02-28T00:00:00Z"))).isTrue();
		TimeInterval the31st = interval(List.of(), List.of(), List.of(InclusiveRange.daysOfMonth("31")), List.of(),
				List.of(), ZoneOffset.UTC);
		assertThat(the31st.contains(Instant.parse("2026-04-30T00:00:00Z"))).isFalse();
	}

	@Test
	void rejectsInvalidDayRanges() {
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.daysOfMonth("0"));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.daysOfMonth("32"));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.daysOfMonth("5:2"))
			.withMessage("end day 2 is always before start day 5");
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.daysOfMonth("-1:-3"));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.daysOfMonth("-3:5"));
	}

	@Test
	void monthsAcceptNamesAndNumbersAndYearsRanges() {
		assertThat(InclusiveRange.months("January:march")).isEqualTo(new InclusiveRange(1, 3));
		assertThat(InclusiveRange.months("11:12")).isEqualTo(new InclusiveRange(11, 12));
		assertThat(InclusiveRange.years("2026:2027")).isEqualTo(new InclusiveRange(2026, 2027));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.months("13"));
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.months("march:january"))
			.withMessage("end month january is before start month march");
		assertThatIllegalArgumentException().isThrownBy(() -> InclusiveRange.years("2030:2026"))
			.withMessage("end year 2026 is before start year 2030");
		TimeInterval winter2026 = interval(List.of(), List.of(), List.of(),
				List.of(InclusiveRange.months("november:december")), List.of(InclusiveRange.years("2026")),
				ZoneOffset.UTC);
		assertThat(winter2026.contains(Instant.parse("2026-11-28T00:00:00Z"))).isTrue();
		assertThat(winter2026.contains(Instant.parse("2027-11-28T00:00:00Z"))).isFalse();
		assertThat(winter2026.contains(Instant.parse("2026-10-31T23:59:00Z"))).isFalse();
	}

	@Test
	void fieldsAreReadInTheIntervalsLocation() {
		TimeInterval berlinMorning = interval(
				List.of(new TimeRange(TimeRange.parseMinutes("08:00"), TimeRange.parseMinutes("09:00"))), List.of(),
				List.of(), List.of(), List.of(), ZoneId.of("Europe/Berlin"));
		// 07:30 UTC is 08:30 in Berlin in winter.
		assertThat(berlinMorning.contains(Instant.parse("2026-11-27T07:30:00Z"))).isTrue();
		assertThat(berlinMorning.contains(Instant.parse("2026-11-27T08:30:00Z"))).isFalse();
	}

	@Test
	void rejectsBadTimes() {
		assertThat(TimeRange.parseMinutes("24:00")).isEqualTo(1440);
		assertThatIllegalArgumentException().isThrownBy(() -> TimeRange.parseMinutes("24:01"));
		assertThatIllegalArgumentException().isThrownBy(() -> TimeRange.parseMinutes("9:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(600, 600))
			.withMessageContaining("start time cannot be equal or greater than end time");
	}

}
