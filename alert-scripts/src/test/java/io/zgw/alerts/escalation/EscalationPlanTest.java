package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the pages an escalation chain makes: once a step, or once a step each round, the
 * schedule asked anew at every page.
 */
class EscalationPlanTest {

	private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

	// alice from 09:00 UTC, bob from 09:20, alice from 09:40, bob from 10:00, ...
	private static final Map<String, OnCallSchedule> SCHEDULES = Map.of("primary",
			new OnCallSchedule(
					"primary", List.of(new Rotation(List.of("alice", "bob"),
							ZonedDateTime.parse("2026-11-30T09:00:00Z"), Duration.ofMinutes(20), List.of())),
					List.of()));

	@Test
	void aChainThatDoesNotRepeatPagesOnceAStep() {
		List<EscalationPlan.Page> plan = EscalationPlan.of(List.of(new EscalationStep(Duration.ZERO, null, "primary"),
				new EscalationStep(Duration.ofMinutes(20), "manager", null)), SCHEDULES, START);

		assertThat(plan).containsExactly(new EscalationPlan.Page(START, 0, 1, Optional.of("bob"), "primary", List.of()),
				new EscalationPlan.Page(START.plus(Duration.ofMinutes(20)), 0, 2, Optional.of("manager"), null,
						List.of()));
	}

	@Test
	void eachRoundReachesTheStepsItsLengthLaterAndAsksTheScheduleAgain() {
		List<EscalationPlan.Page> plan = EscalationPlan.of(List.of(new EscalationStep(Duration.ZERO, null, "primary"),
				EscalationStep.startOver(Duration.ofMinutes(20), 2)), SCHEDULES, START);

		assertThat(plan).extracting((page) -> page.round() + ":" + page.at() + ":" + page.receiver().orElse("-"))
			.containsExactly("0:2026-11-30T10:00:00Z:bob", "1:2026-11-30T10:20:00Z:alice",
					"2:2026-11-30T10:40:00Z:bob");
	}

	@Test
	void noChainNoPages() {
		assertThat(EscalationPlan.of(List.of(), SCHEDULES, START)).isEmpty();
	}

}
