package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * RoundRobinTurns hands the pages of round-robin escalation steps to the members of their
 * lists in turn, one member per escalation. Both whose turn came last on a list and which
 * member an escalation's step paged are notification log entries, so turns survive
 * restarts and pass to the replica that takes over the dispatcher.
 */
final class RoundRobinTurns {

	// How long the log remembers whose turn came last on a list: a list that pages nobody
	// for longer starts again with its first member.
	static final Duration MEMORY = Duration.ofDays(30);

	// Turns are kept per list, under a group key of their own: steps naming the same list
	// share its turns, wherever they are in the routing tree.
	private static final String TURNS_GROUP_KEY = "round-robin:";

	// The integration key, after the step's log prefix, of the member a group's step
	// paged.
	private static final String PAGED_KEY = "turn:";

	private final NotificationLog log;

	RoundRobinTurns(NotificationLog log) {
		this.log = log;
	}

	/**
	 * Returns the member of the list a group's escalation that began at {@code start}
	 * pages at a step: the one it paged already, else the one whose turn it is, the turn
	 * taken when {@code take}.
	 * @param groupKey the group's key
	 * @param logPrefix the step's log key prefix in the group
	 * @param keep how long the group's record of its member must last at least
	 */
	String member(String groupKey, String logPrefix, List<String> members, Instant start, boolean take, Instant now,
			Duration keep) {
		for (String member : members) {
			Optional<NotificationLogEntry> paged = this.log.get(groupKey, logPrefix + PAGED_KEY + member, now);
			if (paged.isPresent() && !paged.get().timestamp().isBefore(start)) {
				if (paged.get().expiresAt().isBefore(now.plus(keep))) {
					this.log.put(groupKey, logPrefix + PAGED_KEY + member, entry(paged.get().timestamp(), now, keep));
				}
				return member;
			}
		}
		String turns = TURNS_GROUP_KEY + String.join(",", members);
		int last = -1;
		Instant lastAt = null;
		for (int i = 0; i < members.size(); i++) {
			Optional<NotificationLogEntry> turn = this.log.get(turns, members.get(i), now);
			if (turn.isPresent() && (lastAt == null || turn.get().timestamp().isAfter(lastAt))) {
				last = i;
				lastAt = turn.get().timestamp();
			}
		}
		String next = members.get((last + 1) % members.size());
		if (take) {
			// Later than the last turn to the millisecond (as the database keeps times),
			// so that turns taken at one instant keep their order.
			Instant at = now.truncatedTo(ChronoUnit.MILLIS);
			if (lastAt != null && !at.isAfter(lastAt)) {
				at = lastAt.plusMillis(1);
			}
			this.log.put(turns, next, new NotificationLogEntry(Set.of(), Set.of(), at, at.plus(MEMORY)));
			this.log.put(groupKey, logPrefix + PAGED_KEY + next, entry(now, now, keep));
		}
		return next;
	}

	private static NotificationLogEntry entry(Instant paged, Instant now, Duration keep) {
		return new NotificationLogEntry(Set.of(), Set.of(), paged, now.plus(keep.multipliedBy(2)));
	}

}
