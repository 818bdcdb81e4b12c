package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnCallScheduleTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	private static Rotation daily(List<String> members) {
		return new Rotation(members, LocalDateTime.parse("2026-03-27T09:00:00").atZone(BERLIN), Duration.ofDays(1),
				List.of());
	}

	// A one-member rotation restricted to the weekdays (a YAML list) in Berlin.
	private static Rotation weekly(String member, String weekdays) {
		NamedTimeInterval days = ConfigLoader.load("""
				route: {receiver: r}
				receivers: [{name: r}]
				time_intervals:
				  - name: days
				    time_intervals: [{weekdays: %s, location: Europe/Berlin}]
				""".formatted(weekdays)).timeIntervals().get("days");
		return new Rotation(List.of(member), LocalDateTime.parse("2026-01-01T00:00:00").atZone(BERLIN),
				Duration.ofDays(7), List.of(days));
	}

	@Test
	void aDailyRotationHandsOverAtTheSameWallClockTimeAcrossDaylightSavingTime() {
		OnCallSchedule schedule = new OnCallSchedule("dba", List.of(daily(List.of("alice", "bob", "carol"))),
				List.of());
		assertThat(schedule.onCall(berlin("2026-03-27T08:59:59"))).isEmpty();
		assertThat(schedule.onCall(berlin("2026-03-27T09:00:00"))).contains("alice");
		assertThat(schedule.onCall(berlin("2026-03-28T08:59:59"))).contains("alice");
		assertThat(schedule.onCall(berlin("2026-03-28T09:00:00"))).contains("bob");
		// Clocks go forward on 2026-03-29: that day is 23 hours long, and the
		// handoff stays at 09:00 local.
		assertThat(schedule.onCall(berlin("2026-03-29T09:00:00"))).contains("carol");
		assertThat(schedule.onCall(berlin("2026-03-30T08:59:00"))).contains("carol");
		assertThat(schedule.onCall(berlin("2026-03-30T09:00:00"))).contains("alice");
	}

	@Test
	void aShiftShorterThanADayLastsExactlyItsDuration() {
		Rotation twelveHours = new Rotation(List.of("day", "night"),
				Instant.parse("2026-03-28T20:00:00Z").atZone(BERLIN), Duration.ofHours(12), List.of());
		assertThat(twelveHours.memberAt(Instant.parse("2026-03-29T07:59:59Z"))).contains("day");
		assertThat(twelveHours.memberAt(Instant.parse("2026-03-29T08:00:00Z"))).contains("night");
		assertThat(twelveHours.memberAt(Instant.parse("2026-03-29T20:00:00Z"))).contains("day");
	}

	@Test
	void anOverrideTakesOverForItsSpanOnly() {
		OnCallSchedule schedule = new OnCallSchedule("dba", List.of(daily(List.of("alice", "bob"))),
				List.of(new ScheduleOverride("dave", berlin("2026-04-03T12:00:00"), berlin("2026-04-04T12:00:00"))));
		assertThat(schedule.onCall(berlin("2026-04-03T11:59:59"))).contains("bob");
		assertThat(schedule.onCall(berlin("2026-04-03T12:00:00"))).contains("dave");
		assertThat(schedule.onCall(berlin("2026-04-04T11:59:59"))).contains("dave");
		assertThat(schedule.onCall(berlin("2026-04-04T12:00:00"))).contains("alice");
	}

	@Test
	void aLaterRotationCoversTheTimeIntervalsItIsRestrictedTo() {
		Rotation weekend = weekly("erin", "[saturday, sunday]");
		OnCallSchedule schedule = new OnCallSchedule("dba", List.of(daily(List.of("alice", "bob")), weekend),
				List.of());
		// Friday 2026-04-03, Saturday the 4th, Monday the 6th.
		assertThat(schedule.onCall(berlin("2026-04-03T23:59:00"))).contains("bob");
		assertThat(schedule.onCall(berlin("2026-04-04T00:00:00"))).contains("erin");
		assertThat(schedule.onCall(berlin("2026-04-05T23:59:00"))).contains("erin");
		assertThat(schedule.onCall(berlin("2026-04-06T00:00:00"))).contains("bob");
	}

	@Test
	void gapsAreTheSpansWithNobodyOnCallAndHandoffsEachChangeOfWhoIs() {
		// Weekdays only, plus an override on the first Saturday afternoon.
		Rotation rotation = weekly("alice", "['monday:friday']");
		OnCallSchedule schedule = new OnCallSchedule("dba", List.of(rotation),
				List.of(new ScheduleOverride("dave", berlin("2026-04-04T12:00:00"), berlin("2026-04-04T18:00:00"))));
		assertThat(schedule.gaps(berlin("2026-04-03T20:00:00"), berlin("2026-04-07T00:00:00"))).containsExactly(
				new OnCallSchedule.Gap(berlin("2026-04-04T00:00:00"), berlin("2026-04-04T12:00:00")),
				new OnCallSchedule.Gap(berlin("2026-04-04T18:00:00"), berlin("2026-04-06T00:00:00")));
		assertThat(schedule.gaps(berlin("2026-04-06T00:00:00"), berlin("2026-04-10T00:00:00"))).isEmpty();
		// A gap that lasts past the span ends with it.
		assertThat(schedule.gaps(berlin("2026-04-05T00:00:00"), berlin("2026-04-05T10:00:00")))
			.containsExactly(new OnCallSchedule.Gap(berlin("2026-04-05T00:00:00"), berlin("2026-04-05T10:00:00")));

		assertThat(schedule.shifts(berlin("2026-04-03T20:00:30"), berlin("2026-04-06T00:00:00"))).containsExactly(
				new OnCallSchedule.Shift(Optional.of("alice"), berlin("2026-04-03T20:00:00"),
						berlin("2026-04-04T00:00:00")),
				new OnCallSchedule.Shift(Optional.empty(), berlin("2026-04-04T00:00:00"),
						berlin("2026-04-04T12:00:00")),
				new OnCallSchedule.Shift(Optional.of("dave"), berlin("2026-04-04T12:00:00"),
						berlin("2026-04-04T18:00:00")),
				new OnCallSchedule.Shift(Optional.empty(), berlin("2026-04-04T18:00:00"),
						berlin("2026-04-06T00:00:00")));

		// Who comes next, and when: nobody at midnight, dave at noon, nobody at six.
		assertThat(schedule.nextHandoff(berlin("2026-04-03T20:00:00"), berlin("2026-04-10T00:00:00")))
			.contains(new OnCallSchedule.Handoff(berlin("2026-04-04T00:00:00"), Optional.empty()));
		assertThat(schedule.nextHandoff(berlin("2026-04-04T00:00:00"), berlin("2026-04-10T00:00:00")))
			.contains(new OnCallSchedule.Handoff(berlin("2026-04-04T12:00:00"), Optional.of("dave")));
		assertThat(schedule.nextHandoff(berlin("2026-04-04T12:30:00"), berlin("2026-04-10T00:00:00")))
			.contains(new OnCallSchedule.Handoff(berlin("2026-04-04T18:00:00"), Optional.empty()));
		assertThat(schedule.nextHandoff(berlin("2026-04-06T00:00:00"), berlin("2026-04-10T00:00:00"))).isEmpty();
	}

	@Test
	void aStepPagesItsReceiverOrWhoeverItsScheduleNamesWhenReached() {
		OnCallSchedule schedule = new OnCallSchedule("dba", List.of(daily(List.of("alice", "bob"))), List.of());
		EscalationStep bySchedule = new EscalationStep(Duration.ofMinutes(15), null, "dba");
		assertThat(bySchedule.target(Map.of("dba", schedule), berlin("2026-03-27T10:00:00"))).contains("alice");
		assertThat(bySchedule.target(Map.of("dba", schedule), berlin("2026-03-27T08:00:00"))).isEmpty();
		assertThat(new EscalationStep(Duration.ZERO, "manager", null).target(Map.of(), Instant.EPOCH))
			.contains("manager");
	}

}
