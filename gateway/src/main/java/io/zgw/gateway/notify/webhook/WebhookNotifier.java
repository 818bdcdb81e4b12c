package io.zgw.gateway.notify.webhook;

import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Notifier;
import io.zgw.gateway.notify.http.JsonPoster;

/**
 * WebhookNotifier POSTs the rendered Alertmanager webhook (v4) JSON to a
 * {@code webhook_config} URL.
 */
public final class WebhookNotifier implements Notifier {

	private final Integration integration;

	private final WebhookConfig config;

	private final JsonPoster poster;

	private final Duration timeout;

	/**
	 * Creates the notifier; {@code defaultTimeout} ({@code zgw.notify.timeout}) applies
	 * when the config sets none, and bounds one it sets: the outbox lease is sized for
	 * it, and a longer send could outlive its lease and be sent twice.
	 */
	public WebhookNotifier(Integration integration, WebhookConfig config, JsonPoster poster, Duration defaultTimeout) {
		this.integration = integration;
		this.config = config;
		this.poster = poster.with(config.httpConfig());
		Duration own = config.timeout();
		this.timeout = (own != null && own.compareTo(defaultTimeout) < 0) ? own : defaultTimeout;
	}

	@Override
	public Integration integration() {
		return integration;
	}

	@Override
	public boolean sendResolved() {
		return config.sendResolved();
	}

	/** The limit of one send: the config's, at most {@code zgw.notify.timeout}. */
	Duration timeout() {
		return timeout;
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		return poster.post(config.uri(), delivery.payload(), config.httpConfig(), timeout).result();
	}

}
