package io.zgw.gateway.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.zgw.gateway.notify.Delivery;

/**
 * OutboxQueue is the durable queue of deliveries between the dispatcher and the delivery
 * workers.
 *
 * <p>
 * A chain is all deliveries with the same group key, receiver and integration. Claims
 * hand out only the oldest pending delivery of each chain, and only when it is due and
 * not leased to another worker, so every chain is sent in enqueue order and no delivery
 * is sent by two workers while its lease lasts.
 */
public interface OutboxQueue {

	/**
	 * Adds a delivery, due now; returns its id. Joins the caller's transaction if any.
	 */
	long enqueue(Delivery delivery);

	/**
	 * Leases up to {@code limit} due deliveries to {@code workerId} for {@code lease}, at
	 * most one per chain, oldest first, and counts an attempt on each.
	 */
	List<OutboxEntry> claim(String workerId, int limit, Duration lease);

	/** Records success; false when {@code workerId} no longer holds the lease. */
	boolean markDelivered(long id, String workerId);

	/** Records a retryable failure and when to try again; releases the lease. */
	boolean markRetry(long id, String workerId, Instant nextAttemptAt, String error);

	/** Records a permanent failure; the chain moves on to its next delivery. */
	boolean markFailed(long id, String workerId, String error);

	/** Number of deliveries neither delivered nor failed. */
	long depth();

	/**
	 * Deletes at most {@code limit} deliveries delivered or permanently failed before
	 * {@code cutoff}; returns how many. Pending deliveries are never deleted.
	 */
	int purgeFinishedBefore(Instant cutoff, int limit);

}
