package io.zgw.gateway.notify.outbox;

import java.util.List;

/**
 * Claimed is what {@link OutboxQueue#settleAndClaim} came to.
 *
 * @param entries the deliveries leased to the worker, in the claim's order
 * @param notHeld ids of the ended attempts that were not recorded because the worker no
 * longer held their row (its lease ran out and another worker took it over)
 * @param heldBack due deliveries the claim found but left, their integration having its
 * share of sends in flight ({@link Claim#perIntegration()})
 */
public record Claimed(List<OutboxEntry> entries, List<Long> notHeld, int heldBack) {

	public Claimed {
		entries = List.copyOf(entries);
		notHeld = List.copyOf(notHeld);
	}

}
