package io.zgw.gateway.notify.telegram;

import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.json.JsonMapper;

/**
 * TelegramNotifier posts a rendered {@code sendMessage} body to
 * {@code <api_url>/bot<bot_token>/sendMessage}. The Bot API answers errors with their
 * HTTP status: 429 and 5xx are retried, other 4xx (a blocked bot, an unknown chat, a
 * revoked token) fail for good with Telegram's description.
 */
public final class TelegramNotifier extends JsonApiNotifier<TelegramConfig> {

	/** Creates the notifier. */
	public TelegramNotifier(Integration integration, TelegramConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		return this.poster.post(this.config.sendMessage(), delivery.payload(), this.config.httpConfig(), this.timeout)
			.result();
	}

}
