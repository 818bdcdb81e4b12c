package io.zgw.gateway.notify.opsgenie;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * OpsgenieConfig is the delivery part of one entry of a receiver's
 * {@code opsgenie_configs}; the calls' bodies belong to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for Opsgenie is true)
 * @param apiKey {@code api_key}: sent as {@code Authorization: GenieKey <key>} on each
 * call, never stored with the calls
 * @param apiUrl {@code api_url}, ending in a slash
 * @param httpConfig {@code http_config}; its authentication yields to the API key, as in
 * Alertmanager
 */
public record OpsgenieConfig(boolean sendResolved, Secret apiKey, Secret apiUrl,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public OpsgenieConfig {
		if (apiKey.value().isEmpty()) {
			throw new IllegalArgumentException("opsgenie_configs.api_key must not be empty");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "opsgenie_configs.api_url");
	}

}
