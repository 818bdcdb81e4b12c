package io.zgw.gateway.notify.outbox;

import java.util.List;

/**
 * Claimed is what {@link OutboxQueue#settleAndClaim} came to.
 *
 * @param entries the deliveries leased to the worker, oldest first
 * @param notHeld ids of the ended attempts that were not recorded because the worker no
 * longer held their row (its lease ran out and another worker took it over)
 */
public record Claimed(List<OutboxEntry> entries, List<Long> notHeld) {

	public Claimed {
		entries = List.copyOf(entries);
		notHeld = List.copyOf(notHeld);
	}

}
