package io.zgw.gateway.notify;

import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.notify.EmailMessage;
import io.zgw.alerts.notify.SlackPayload;
import io.zgw.alerts.notify.WebhookPayload;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import tools.jackson.databind.json.JsonMapper;

/**
 * OutboxNotifier is the alert-scripts dispatcher's notifier in the gateway: it renders a
 * notification for its integration and puts it in the outbox, so the dispatcher logs it
 * as sent once it is durable and the delivery workers take it from there.
 */
public final class OutboxNotifier implements io.zgw.alerts.dispatch.Notifier {

	// A plain mapper, not Spring's: alert-scripts checks its payload bytes against
	// Alertmanager's with exactly this configuration.
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OutboxQueue outbox;

	private final String externalUrl;

	/**
	 * Creates the notifier; {@code externalUrl} is the link back put in every payload.
	 */
	public OutboxNotifier(OutboxQueue outbox, String externalUrl) {
		this.outbox = outbox;
		this.externalUrl = externalUrl;
	}

	/** Enqueues the rendered notification; throws when the outbox cannot take it. */
	@Override
	public void deliver(Notification notification) {
		outbox.enqueue(toDelivery(notification));
	}

	/** The delivery for a notification: its integration and rendered payload. */
	Delivery toDelivery(Notification notification) {
		Integration integration = integrationOf(notification.integrationKey());
		String payload = switch (integration.kind()) {
			case WEBHOOK -> JSON.writeValueAsString(WebhookPayload.of(notification, externalUrl));
			case SLACK -> JSON.writeValueAsString(
					SlackPayload.of(notification, (SlackConfig) notification.integration(), externalUrl));
			case EMAIL -> JSON.writeValueAsString(
					EmailMessage.of(notification, (EmailConfig) notification.integration(), externalUrl));
		};
		return new Delivery(notification.receiver(), integration, notification.groupKey(), payload);
	}

	/**
	 * Parses alert-scripts' {@code receiver/type/index}; the receiver name may hold
	 * slashes.
	 */
	private static Integration integrationOf(String integrationKey) {
		int lastSlash = integrationKey.lastIndexOf('/');
		int typeSlash = integrationKey.lastIndexOf('/', lastSlash - 1);
		return Integration.parse(integrationKey.substring(typeSlash + 1, lastSlash) + "["
				+ integrationKey.substring(lastSlash + 1) + "]");
	}

}
