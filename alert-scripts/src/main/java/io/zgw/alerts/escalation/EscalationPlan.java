package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * EscalationPlan lists every page an escalation chain makes if nobody acknowledges: each
 * paging step of each round, when it is reached and whom it pages then. Where the last
 * step starts the chain over, its {@code after} is the length of a round, and round
 * {@code k} reaches every step {@code k} round lengths later than the first round does.
 */
public final class EscalationPlan {

	private EscalationPlan() {
	}

	/**
	 * Returns the pages of the chain for an escalation that began at {@code start}, by
	 * round and then by step; a step whose schedule has nobody on call is listed with no
	 * receiver. An empty chain makes no page.
	 */
	public static List<Page> of(List<EscalationStep> chain, Map<String, OnCallSchedule> schedules, Instant start) {
		if (chain.isEmpty()) {
			return List.of();
		}
		EscalationStep last = chain.get(chain.size() - 1);
		List<EscalationStep> paging = pagingSteps(chain);
		List<Page> pages = new ArrayList<>();
		for (int round = 0; round <= last.repeat(); round++) {
			Instant roundStart = start.plus(last.after().multipliedBy(round));
			for (int i = 0; i < paging.size(); i++) {
				EscalationStep step = paging.get(i);
				Instant at = roundStart.plus(step.after());
				pages.add(new Page(at, round, i + 1, step.target(schedules, at), step.schedule(), step.roundRobin()));
			}
		}
		return pages;
	}

	/** Returns the steps of the chain that page, without the one that starts it over. */
	public static List<EscalationStep> pagingSteps(List<EscalationStep> chain) {
		boolean startsOver = !chain.isEmpty() && chain.get(chain.size() - 1).startsOver();
		return startsOver ? chain.subList(0, chain.size() - 1) : chain;
	}

	/** Returns how long after the escalation began the chain's last page is made. */
	public static Duration lastPage(List<EscalationStep> chain) {
		EscalationStep last = chain.get(chain.size() - 1);
		List<EscalationStep> paging = pagingSteps(chain);
		return paging.get(paging.size() - 1).after().plus(last.after().multipliedBy(last.repeat()));
	}

	/**
	 * Page is one step of one round of an escalation.
	 *
	 * @param at when the step is reached
	 * @param round the round, from 0 (the chain's first pass)
	 * @param step the step, from 1 in the chain's order
	 * @param receiver the receiver paged, empty when the step's schedule has nobody on
	 * call then, or when the step is a round-robin one
	 * @param schedule the schedule that names the receiver, or null when the step names
	 * one
	 * @param roundRobin the receivers of a round-robin step, one of whom the dispatcher
	 * pages in turn; empty for other steps
	 */
	public record Page(Instant at, int round, int step, Optional<String> receiver, @Nullable String schedule,
			List<String> roundRobin) {

		public Page {
			roundRobin = List.copyOf(roundRobin);
		}

	}

}
