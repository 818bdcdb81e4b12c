package io.zgw.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.zgw.gateway.notify.outbox.AttemptEnd;
import io.zgw.gateway.notify.outbox.Claim;
import io.zgw.gateway.notify.outbox.Claimed;
import io.zgw.gateway.notify.outbox.Destination;
import io.zgw.gateway.notify.outbox.OutboxEntry;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeliveryWorker drains the outbox: it claims due deliveries, sends each through its
 * receiver's notifier, and records delivery, a retry after backoff, or a permanent
 * failure, in the same transaction as its next claim.
 */
public final class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	// Any replica claims any row. One whose routing file is older than the dispatcher's
	// that enqueued the row (it has not seen the change yet: replicas check the file
	// every reload-poll, 5 s) lacks a new receiver: it retries the row, which a replica
	// that knows the receiver then sends. A row older than this is for a receiver gone.
	static final Duration UNKNOWN_RECEIVER_GRACE = Duration.ofMinutes(1);

	private final OutboxQueue queue;

	private final Notifiers notifiers;

	private final Backoff backoff;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final String workerId;

	private final int batchSize;

	private final Duration lease;

	// Zero: no notification is too old to send.
	private final Duration maxAge;

	private final Executor sendExecutor;

	// Attempts that ended, recorded with the next claim.
	private final Queue<AttemptEnd> ended = new ConcurrentLinkedQueue<>();

	// One permit per send in flight: rows are claimed only for free slots, so a claimed
	// row never waits in the executor's queue while its lease runs.
	private final Semaphore slots;

	private final int concurrency;

	private final int perIntegration;

	// Sends in flight by integration, for claims that share the slots among them.
	private final Map<Destination, Integer> inFlight = new ConcurrentHashMap<>();

	// Integrations whose in-flight gauge is registered: once each, not at every first
	// send after an idle spell (Micrometer warned of the second registration).
	private final Set<Destination> gauged = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a worker; {@code lease} must outlast the slowest send, and up to
	 * {@code concurrency} deliveries (all from different chains, at most
	 * {@code perIntegration} to one integration) are sent at once on
	 * {@code sendExecutor}, which needs as many threads. A delivery enqueued longer than
	 * {@code maxAge} ago (when positive) fails as expired without an attempt.
	 */
	public DeliveryWorker(OutboxQueue queue, Notifiers notifiers, Backoff backoff, NotifyMetrics metrics, Clock clock,
			String workerId, int batchSize, int concurrency, int perIntegration, Duration lease, Duration maxAge,
			Executor sendExecutor) {
		this.queue = queue;
		this.notifiers = notifiers;
		this.backoff = backoff;
		this.metrics = metrics;
		this.clock = clock;
		this.workerId = workerId;
		this.batchSize = batchSize;
		this.lease = lease;
		this.maxAge = maxAge;
		this.sendExecutor = sendExecutor;
		this.slots = new Semaphore(concurrency);
		this.concurrency = concurrency;
		this.perIntegration = perIntegration;
	}

	/** Returns this replica's name in {@code outbox.claimed_by}. */
	public String workerId() {
		return workerId;
	}

	/**
	 * Claims one batch (at most as many rows as there are free send slots), sends it,
	 * waits for the sends and records them; returns how many deliveries were attempted
	 * (none before the receivers are loaded).
	 */
	public int runOnce() {
		int attempted = startAndWait().sends().size();
		settle();
		return attempted;
	}

	/** Runs batches until one comes back less than full; returns the total attempted. */
	public int runUntilIdle() {
		int total = 0;
		Started started;
		do {
			started = startAndWait();
			total += started.sends().size();
		}
		while (started.more());
		settle();
		return total;
	}

	// Claims for the free slots and waits for the sends it started.
	private Started startAndWait() {
		Started started = start(wanted(), () -> {
		});
		CompletableFuture.allOf(started.sends().toArray(CompletableFuture[]::new)).join();
		return started;
	}

	private int wanted() {
		return Math.min(this.batchSize, this.slots.availablePermits());
	}

	/**
	 * Records the attempts that ended since the last claim, without claiming; on failure
	 * they stay queued for the next claim.
	 */
	public void settle() {
		start(0, () -> {
		});
	}

	/**
	 * Waits up to {@code timeout} for the sends in flight and records every attempt that
	 * ended, claiming nothing more meanwhile: a stopping gateway does not leave sent rows
	 * leased, to be sent again when the lease runs out.
	 */
	public void finish(Duration timeout) throws InterruptedException {
		boolean idle = this.slots.tryAcquire(this.concurrency, timeout.toMillis(), TimeUnit.MILLISECONDS);
		try {
			settle();
		}
		finally {
			if (idle) {
				this.slots.release(this.concurrency);
			}
		}
	}

	/**
	 * Records the attempts that ended, claims due deliveries for every free send slot and
	 * starts them without waiting: one slow receiver or a burst of large notifications
	 * does not hold up the rest. Each finished send frees its slot and then runs
	 * {@code whenDone} (the loop claims again there). Returns how many sends were
	 * started.
	 */
	public int fill(Runnable whenDone) {
		int total = 0;
		Started started;
		do {
			started = start(wanted(), whenDone);
			total += started.sends().size();
		}
		while (started.more());
		return total;
	}

	// One transaction records the ended attempts and claims rows for the free slots: a
	// burst costs two round trips per claim, not also one per send.
	private Started start(int wanted, Runnable whenDone) {
		if (!this.notifiers.loaded()) {
			return new Started(List.of(), false);
		}
		int taken = (wanted > 0 && this.slots.tryAcquire(wanted)) ? wanted : 0;
		List<AttemptEnd> settling = new ArrayList<>();
		for (AttemptEnd end = this.ended.poll(); end != null; end = this.ended.poll()) {
			settling.add(end);
		}
		if (taken == 0 && settling.isEmpty()) {
			return new Started(List.of(), false);
		}
		// The sends start as soon as the claim has locked their rows, not after its
		// COMMIT: an fsync less before a page goes out.
		List<CompletableFuture<Void>> sends = new ArrayList<>();
		boolean[] leased = { false };
		Claimed claimed;
		try {
			claimed = this.queue.settleAndClaim(this.workerId, settling,
					new Claim(taken, this.inFlight, this.perIntegration), this.lease, (entries) -> {
						leased[0] = true;
						this.slots.release(taken - entries.size());
						entries.forEach((entry) -> sends.add(send(entry, whenDone)));
					});
		}
		catch (RuntimeException ex) {
			if (!leased[0]) {
				this.slots.release(taken);
			}
			// Recorded with the next claim; until then their rows stay leased.
			this.ended.addAll(settling);
			throw ex;
		}
		for (long id : claimed.notHeld()) {
			log.warn("Outbox row {} was no longer leased to {} when its attempt was recorded (lease {} too short?)", id,
					this.workerId, this.lease);
		}
		int started = claimed.entries().size();
		// Rows left for their integration's share leave slots free for the rest: the
		// next claim skips that integration.
		return new Started(sends, started > 0 && started + claimed.heldBack() == taken);
	}

	// Sends on the send pool; the send's slot is freed, and whenDone run, once it ended.
	private CompletableFuture<Void> send(OutboxEntry entry, Runnable whenDone) {
		Destination destination = Destination.of(entry.delivery());
		this.inFlight.merge(destination, 1, Integer::sum);
		if (this.gauged.add(destination)) {
			this.metrics.sendsInFlight(destination.receiver(), entry.delivery().integration(),
					() -> this.inFlight.getOrDefault(destination, 0));
		}
		return CompletableFuture.runAsync(() -> this.ended.add(attempt(entry)), this.sendExecutor)
			.whenComplete((done, failure) -> {
				this.inFlight.computeIfPresent(destination, (key, sending) -> (sending == 1) ? null : sending - 1);
				this.slots.release();
				if (failure != null) {
					// The row stays leased and is retried when the lease ends.
					log.warn("Attempt on outbox row {} failed unrecorded: {}", entry.id(), failure.toString());
				}
				whenDone.run();
			});
	}

	// The sends a claim started, and whether another claim may find more to send.
	private record Started(List<CompletableFuture<Void>> sends, boolean more) {
	}

	// Sends the delivery and says how the attempt ended.
	private AttemptEnd attempt(OutboxEntry entry) {
		Delivery delivery = entry.delivery();
		if (!this.maxAge.isZero() && entry.createdAt().plus(this.maxAge).isBefore(this.clock.instant())) {
			String error = "expired: not delivered within zgw.notify.max-age (" + this.maxAge + ") of "
					+ entry.createdAt();
			log.error("Notify {} {} for group {} dropped after {} attempt(s): {}", delivery.receiver(),
					delivery.integration(), delivery.groupKey(), entry.attempts() - 1, error);
			metrics.expired(delivery.integration().kind());
			return AttemptEnd.failed(entry.id(), error);
		}
		Optional<Notifier> notifier = notifiers.find(delivery.receiver(), delivery.integration());
		long start = System.nanoTime();
		DeliveryResult result = notifier.map((n) -> send(n, delivery)).orElseGet(() -> unknownIntegration(entry));
		metrics.record(delivery.integration().kind(), result.outcome(), Duration.ofNanos(System.nanoTime() - start));
		String error = String.valueOf(result.error());
		return switch (result.outcome()) {
			case DELIVERED -> AttemptEnd.delivered(entry.id());
			case RETRYABLE_FAILURE -> {
				Instant next = clock.instant().plus(backoff.delay(entry.attempts()));
				log.warn("Notify {} {} for group {} failed (attempt {}), retrying at {}: {}", delivery.receiver(),
						delivery.integration(), delivery.groupKey(), entry.attempts(), next, error);
				yield AttemptEnd.retry(entry.id(), next, error);
			}
			case PERMANENT_FAILURE -> {
				log.error("Notify {} {} for group {} failed permanently after {} attempt(s): {}", delivery.receiver(),
						delivery.integration(), delivery.groupKey(), entry.attempts(), error);
				yield AttemptEnd.failed(entry.id(), error);
			}
		};
	}

	private DeliveryResult unknownIntegration(OutboxEntry entry) {
		String error = "receiver '" + entry.delivery().receiver() + "' has no integration "
				+ entry.delivery().integration() + " in the current configuration";
		boolean recent = entry.createdAt().plus(UNKNOWN_RECEIVER_GRACE).isAfter(this.clock.instant());
		return recent ? DeliveryResult.retryable(error) : DeliveryResult.permanent(error);
	}

	private static DeliveryResult send(Notifier notifier, Delivery delivery) {
		try {
			return notifier.send(delivery);
		}
		catch (RuntimeException ex) {
			// Notifiers report failures as results, so this is a bug: retry rather
			// than drop. Its message may quote config, so only the type is kept.
			log.error("Notifier {} threw {}", delivery.integration(), ex.getClass().getName());
			return DeliveryResult.retryable("notifier threw " + ex.getClass().getSimpleName());
		}
	}

}
