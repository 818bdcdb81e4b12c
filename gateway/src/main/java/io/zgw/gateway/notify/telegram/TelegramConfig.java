package io.zgw.gateway.notify.telegram;

import java.net.URI;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * TelegramConfig is the delivery part of one entry of a receiver's
 * {@code telegram_configs}; the message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for Telegram is true)
 * @param botToken {@code bot_token}: put in the URL when sending, never stored with the
 * message
 * @param apiUrl {@code api_url}
 * @param httpConfig {@code http_config}
 */
public record TelegramConfig(boolean sendResolved, Secret botToken, Secret apiUrl,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public TelegramConfig {
		if (botToken.value().isEmpty()) {
			throw new IllegalArgumentException("telegram_configs.bot_token must not be empty");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "telegram_configs.api_url");
		try {
			URI.create(sendMessageUrl(apiUrl, botToken));
		}
		catch (IllegalArgumentException ex) {
			// Without the exception's text, which would quote the token.
			throw new IllegalArgumentException("telegram_configs.bot_token does not fit in a URL path");
		}
	}

	/** The Bot API's {@code sendMessage} URL, as telebot builds it. */
	URI sendMessage() {
		return URI.create(sendMessageUrl(this.apiUrl, this.botToken));
	}

	private static String sendMessageUrl(Secret apiUrl, Secret botToken) {
		return apiUrl.value() + "/bot" + botToken.value() + "/sendMessage";
	}

}
