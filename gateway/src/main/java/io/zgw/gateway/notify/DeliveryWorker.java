package io.zgw.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

import io.zgw.gateway.notify.outbox.OutboxEntry;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeliveryWorker drains the outbox: it claims due deliveries, sends each through its
 * receiver's notifier, and records delivery, a retry after backoff, or a permanent
 * failure.
 */
public final class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final OutboxQueue queue;

	private final Notifiers notifiers;

	private final Backoff backoff;

	private final NotifyMetrics metrics;

	private final Clock clock;

	private final String workerId;

	private final int batchSize;

	private final Duration lease;

	private final Executor sendExecutor;

	// One permit per send in flight: rows are claimed only for free slots, so a claimed
	// row never waits in the executor's queue while its lease runs.
	private final Semaphore slots;

	/**
	 * Creates a worker; {@code lease} must outlast the slowest send, and up to
	 * {@code concurrency} deliveries (all from different chains) are sent at once on
	 * {@code sendExecutor}, which needs as many threads.
	 */
	public DeliveryWorker(OutboxQueue queue, Notifiers notifiers, Backoff backoff, NotifyMetrics metrics, Clock clock,
			String workerId, int batchSize, int concurrency, Duration lease, Executor sendExecutor) {
		this.queue = queue;
		this.notifiers = notifiers;
		this.backoff = backoff;
		this.metrics = metrics;
		this.clock = clock;
		this.workerId = workerId;
		this.batchSize = batchSize;
		this.lease = lease;
		this.sendExecutor = sendExecutor;
		this.slots = new Semaphore(concurrency);
	}

	/** Returns this replica's name in {@code outbox.claimed_by}. */
	public String workerId() {
		return workerId;
	}

	/**
	 * Claims one batch (at most as many rows as there are free send slots), sends it and
	 * waits for the sends; returns how many deliveries were attempted (none before the
	 * receivers are loaded).
	 */
	public int runOnce() {
		return sendAndWait(wanted());
	}

	/** Runs batches until one comes back less than full; returns the total attempted. */
	public int runUntilIdle() {
		int total = 0;
		int wanted;
		int attempted;
		do {
			wanted = wanted();
			attempted = sendAndWait(wanted);
			total += attempted;
		}
		while (wanted > 0 && attempted == wanted);
		return total;
	}

	private int sendAndWait(int wanted) {
		List<CompletableFuture<Void>> sends = start(wanted, () -> {
		});
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		return sends.size();
	}

	private int wanted() {
		return Math.min(this.batchSize, this.slots.availablePermits());
	}

	/**
	 * Claims due deliveries for every free send slot and starts them without waiting: one
	 * slow receiver or a burst of large notifications does not hold up the rest. Each
	 * finished send frees its slot and then runs {@code whenDone} (the loop claims again
	 * there). Returns how many sends were started.
	 */
	public int fill(Runnable whenDone) {
		int total = 0;
		while (true) {
			int wanted = wanted();
			if (wanted == 0) {
				return total;
			}
			int started = start(wanted, whenDone).size();
			total += started;
			if (started < wanted) {
				return total;
			}
		}
	}

	private List<CompletableFuture<Void>> start(int wanted, Runnable whenDone) {
		if (wanted == 0 || !this.notifiers.loaded() || !this.slots.tryAcquire(wanted)) {
			return List.of();
		}
		List<OutboxEntry> entries;
		try {
			entries = this.queue.claim(this.workerId, wanted, this.lease);
		}
		catch (RuntimeException ex) {
			this.slots.release(wanted);
			throw ex;
		}
		this.slots.release(wanted - entries.size());
		return entries.stream()
			.map((entry) -> CompletableFuture.runAsync(() -> deliver(entry), this.sendExecutor)
				.whenComplete((done, failure) -> {
					this.slots.release();
					if (failure != null) {
						// The row stays leased and is retried when the lease ends.
						log.warn("Recording the attempt of outbox row {} failed: {}", entry.id(), failure.toString());
					}
					whenDone.run();
				}))
			.toList();
	}

	private void deliver(OutboxEntry entry) {
		Delivery delivery = entry.delivery();
		Optional<Notifier> notifier = notifiers.find(delivery.receiver(), delivery.integration());
		long start = System.nanoTime();
		DeliveryResult result = notifier.map((n) -> send(n, delivery))
			.orElseGet(() -> DeliveryResult.permanent("receiver '" + delivery.receiver() + "' has no integration "
					+ delivery.integration() + " in the current configuration"));
		metrics.record(delivery.integration().kind(), result.outcome(), Duration.ofNanos(System.nanoTime() - start));
		boolean held = switch (result.outcome()) {
			case DELIVERED -> queue.markDelivered(entry.id(), workerId);
			case RETRYABLE_FAILURE -> retry(entry, String.valueOf(result.error()));
			case PERMANENT_FAILURE -> {
				log.error("Notify {} {} for group {} failed permanently after {} attempt(s): {}", delivery.receiver(),
						delivery.integration(), delivery.groupKey(), entry.attempts(), result.error());
				yield queue.markFailed(entry.id(), workerId, String.valueOf(result.error()));
			}
		};
		if (!held) {
			log.warn("Outbox row {} was no longer leased to {} when its attempt ended (lease {} too short?)",
					entry.id(), workerId, lease);
		}
	}

	private boolean retry(OutboxEntry entry, String error) {
		Delivery delivery = entry.delivery();
		Instant next = clock.instant().plus(backoff.delay(entry.attempts()));
		log.warn("Notify {} {} for group {} failed (attempt {}), retrying at {}: {}", delivery.receiver(),
				delivery.integration(), delivery.groupKey(), entry.attempts(), next, error);
		return queue.markRetry(entry.id(), workerId, next, error);
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
