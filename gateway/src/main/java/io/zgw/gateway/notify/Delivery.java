package io.zgw.gateway.notify;

import java.util.Objects;

/**
 * Delivery is one rendered notification for one integration of one receiver: what the
 * dispatcher puts in the outbox and a {@link Notifier} sends.
 *
 * @param receiver receiver name from the routing configuration
 * @param integration which of the receiver's integrations sends it
 * @param groupKey the alert group's key; deliveries of one group go out in order
 * @param payload the rendered body: webhook or Slack JSON, or an
 * {@link io.zgw.gateway.notify.email.EmailMessage} as JSON for email
 */
public record Delivery(String receiver, Integration integration, String groupKey, String payload) {

	public Delivery {
		Objects.requireNonNull(receiver, "receiver");
		Objects.requireNonNull(integration, "integration");
		Objects.requireNonNull(groupKey, "groupKey");
		Objects.requireNonNull(payload, "payload");
	}

}
