package io.zgw.gateway.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
	 * Records how the {@code ended} attempts went, then leases up to {@code claim.rows()}
	 * due deliveries to {@code workerId} for {@code lease}, at most one per chain, shared
	 * among integrations as {@link Claim} says, counting an attempt on each; all in one
	 * transaction, so a chain whose head has just ended hands out its next delivery in
	 * the same call. An attempt whose row {@code workerId} no longer holds is not
	 * recorded and is listed in {@link Claimed#notHeld()}. A claim of 0 rows only
	 * records.
	 * <p>
	 * {@code leased} is called once, before the transaction commits, with the deliveries
	 * leased: their rows are locked by then, so no other worker can take them, and their
	 * sends need not wait for the commit. Should it fail, the rows are left as they were
	 * and sent again later: every delivery goes out at least once, as after a crash
	 * between a send and its record.
	 */
	Claimed settleAndClaim(String workerId, List<AttemptEnd> ended, Claim claim, Duration lease,
			Consumer<List<OutboxEntry>> leased);

	/** Number of deliveries neither delivered nor failed. */
	long depth();

	/**
	 * Deletes at most {@code limit} deliveries delivered or permanently failed before
	 * {@code cutoff}; returns how many. Pending deliveries are never deleted.
	 */
	int purgeFinishedBefore(Instant cutoff, int limit);

}
