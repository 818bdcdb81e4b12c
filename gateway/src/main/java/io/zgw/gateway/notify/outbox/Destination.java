package io.zgw.gateway.notify.outbox;

import io.zgw.gateway.notify.Delivery;

/**
 * Destination is one integration of one receiver, as the outbox names it: where a
 * delivery is sent.
 *
 * @param receiver the receiver's name
 * @param integration the integration, written as
 * {@link io.zgw.gateway.notify.Integration} writes it (e.g. {@code webhook[0]})
 */
public record Destination(String receiver, String integration) {

	/** Where the delivery goes. */
	public static Destination of(Delivery delivery) {
		return new Destination(delivery.receiver(), delivery.integration().toString());
	}

}
