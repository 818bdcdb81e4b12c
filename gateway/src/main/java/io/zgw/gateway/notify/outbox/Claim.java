package io.zgw.gateway.notify.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claim is what a delivery worker asks of {@link OutboxQueue#settleAndClaim}: up to
 * {@code rows} deliveries, shared among the integrations they go to. Deliveries to an
 * integration with fewer sends in flight on the worker go first (oldest first among
 * equals), and no integration is given more than {@code perIntegration} sends in flight.
 * A storm of notifications for one receiver, or a receiver that answers slowly, then
 * holds at most that many of the worker's send slots and does not hold up another
 * receiver's page.
 *
 * @param rows most deliveries to lease; 0 only records ended attempts
 * @param inFlight sends the worker has in flight, by integration (absent: none)
 * @param perIntegration most sends in flight to one integration, claimed ones included
 */
public record Claim(int rows, Map<Destination, Integer> inFlight, int perIntegration) {

	public Claim {
		if (rows < 0) {
			throw new IllegalArgumentException("rows must be >= 0, got " + rows);
		}
		if (perIntegration < 1) {
			throw new IllegalArgumentException("perIntegration must be >= 1, got " + perIntegration);
		}
		inFlight = Map.copyOf(inFlight);
	}

	/** Sends in flight to the integration. */
	public int inFlight(Destination destination) {
		return this.inFlight.getOrDefault(destination, 0);
	}

	/** The integrations that may be given no more sends. */
	public Set<Destination> full() {
		return this.inFlight.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= this.perIntegration)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	/**
	 * Of the first {@code rows} candidates, in the order this claim gives them (fewest in
	 * flight first, then oldest), takes those within their integration's share; returns
	 * them and how many were left for that share.
	 */
	<T> Taken<T> take(List<T> candidates, Function<T, Destination> destination) {
		Map<Destination, Integer> counted = new HashMap<>(this.inFlight);
		List<T> taken = new ArrayList<>();
		int heldBack = 0;
		for (T candidate : candidates.subList(0, Math.min(this.rows, candidates.size()))) {
			int sends = counted.merge(destination.apply(candidate), 1, Integer::sum);
			if (sends > this.perIntegration) {
				heldBack++;
			}
			else {
				taken.add(candidate);
			}
		}
		return new Taken<>(taken, heldBack);
	}

	/**
	 * Taken is what {@link #take} chose.
	 *
	 * @param <T> the candidates' type
	 * @param rows the candidates taken, in the claim's order
	 * @param heldBack candidates left because their integration had its share
	 */
	record Taken<T>(List<T> rows, int heldBack) {
	}

}
