package io.zgw.gateway.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.zgw.gateway.notify.Delivery;

/**
 * InMemoryOutboxQueue is the {@link OutboxQueue} contract kept in a map, for worker tests
 * that need no database.
 */
public final class InMemoryOutboxQueue implements OutboxQueue {

	private final Clock clock;

	private final TreeMap<Long, Row> rows = new TreeMap<>();

	private long nextId = 1;

	public InMemoryOutboxQueue(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized long enqueue(Delivery delivery) {
		long id = nextId++;
		Instant now = clock.instant();
		rows.put(id, new Row(delivery, now, now));
		return id;
	}

	@Override
	public synchronized Claimed settleAndClaim(String workerId, List<AttemptEnd> ended, Claim claim, Duration lease,
			Consumer<List<OutboxEntry>> leased) {
		List<Long> notHeld = new ArrayList<>();
		for (AttemptEnd end : ended) {
			if (!settle(end, workerId)) {
				notHeld.add(end.id());
			}
		}
		Instant now = clock.instant();
		Set<String> seenChains = new HashSet<>();
		Set<Destination> full = claim.full();
		List<Long> candidates = new ArrayList<>();
		for (var e : rows.entrySet()) {
			Row row = e.getValue();
			if (!row.pending()) {
				continue;
			}
			// The first pending row of a chain is its head; later rows of the chain wait.
			if (!seenChains.add(chain(row.delivery))) {
				continue;
			}
			boolean due = !row.nextAttemptAt.isAfter(now);
			boolean free = row.claimedUntil == null || !row.claimedUntil.isAfter(now);
			if (due && free && !full.contains(Destination.of(row.delivery))) {
				candidates.add(e.getKey());
			}
		}
		candidates.sort(Comparator.comparingInt((Long id) -> claim.inFlight(Destination.of(rows.get(id).delivery)))
			.thenComparing(Comparator.naturalOrder()));
		Claim.Taken<Long> taken = claim.take(candidates, (id) -> Destination.of(rows.get(id).delivery));
		List<OutboxEntry> claimed = new ArrayList<>();
		for (long id : taken.rows()) {
			Row row = rows.get(id);
			row.claimedBy = workerId;
			row.claimedUntil = now.plus(lease);
			row.attempts++;
			claimed.add(new OutboxEntry(id, row.delivery, row.createdAt, row.attempts));
		}
		leased.accept(claimed);
		return new Claimed(claimed, notHeld, taken.heldBack());
	}

	private static String chain(Delivery d) {
		return d.groupKey() + '\0' + d.receiver() + '\0' + d.integration();
	}

	private boolean settle(AttemptEnd end, String workerId) {
		Row row = rows.get(end.id());
		if (row == null || !row.pending() || !workerId.equals(row.claimedBy)) {
			return false;
		}
		switch (end.outcome()) {
			case DELIVERED -> row.deliveredAt = clock.instant();
			case RETRYABLE_FAILURE -> row.nextAttemptAt = end.retryAt();
			case PERMANENT_FAILURE -> row.failedAt = clock.instant();
		}
		row.lastError = end.error();
		row.claimedUntil = null;
		return true;
	}

	@Override
	public synchronized long depth() {
		return rows.values().stream().filter(Row::pending).count();
	}

	@Override
	public synchronized int purgeFinishedBefore(Instant cutoff, int limit) {
		int deleted = 0;
		for (Iterator<Row> it = rows.values().iterator(); it.hasNext() && deleted < limit;) {
			Row row = it.next();
			if (finishedBefore(row.deliveredAt, cutoff) || finishedBefore(row.failedAt, cutoff)) {
				it.remove();
				deleted++;
			}
		}
		return deleted;
	}

	private static boolean finishedBefore(Instant finishedAt, Instant cutoff) {
		return finishedAt != null && finishedAt.isBefore(cutoff);
	}

	/**
	 * The last error stored for a row, as a test would read {@code outbox.last_error}.
	 */
	public synchronized String lastError(long id) {
		return rows.get(id).lastError;
	}

	private static final class Row {

		final Delivery delivery;

		final Instant createdAt;

		Instant nextAttemptAt;

		int attempts;

		String claimedBy;

		Instant claimedUntil;

		Instant deliveredAt;

		Instant failedAt;

		String lastError;

		Row(Delivery delivery, Instant createdAt, Instant nextAttemptAt) {
			this.delivery = delivery;
			this.createdAt = createdAt;
			this.nextAttemptAt = nextAttemptAt;
		}

		boolean pending() {
			return deliveredAt == null && failedAt == null;
		}

	}

}
