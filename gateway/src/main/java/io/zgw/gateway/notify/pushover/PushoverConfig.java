package io.zgw.gateway.notify.pushover;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * PushoverConfig is the delivery part of one entry of a receiver's
 * {@code pushover_configs}; the message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for Pushover is true)
 * @param userKey {@code user_key}: added to the query when sending, never stored with the
 * message
 * @param token {@code token}: the application's API token, likewise
 * @param apiUrl Pushover's message API
 * @param httpConfig {@code http_config}
 */
public record PushoverConfig(boolean sendResolved, Secret userKey, Secret token, Secret apiUrl,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public PushoverConfig {
		if (userKey.value().isEmpty() || token.value().isEmpty()) {
			throw new IllegalArgumentException("pushover_configs.user_key and token must not be empty");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "pushover_configs.api_url");
	}

}
