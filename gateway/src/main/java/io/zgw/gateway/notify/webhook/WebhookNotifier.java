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

	/** Creates the notifier; {@code defaultTimeout} applies when the config sets none. */
	public WebhookNotifier(Integration integration, WebhookConfig config, JsonPoster poster, Duration defaultTimeout) {
		this.integration = integration;
		this.config = config;
		this.poster = poster.with(config.httpConfig());
		this.timeout = (config.timeout() != null) ? config.timeout() : defaultTimeout;
	}

	@Override
	public Integration integration() {
		return integration;
	}

	@Override
	public boolean sendResolved() {
		return config.sendResolved();
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		return poster.post(config.uri(), delivery.payload(), config.httpConfig(), timeout).result();
	}

}
