package io.zgw.gateway.notify.victorops;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * VictorOpsConfig is the delivery part of one entry of a receiver's
 * {@code victorops_configs}; the message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for VictorOps is
 * true)
 * @param apiKey {@code api_key}: put in the URL when sending, never stored with the
 * message
 * @param apiUrl {@code api_url}
 * @param httpConfig {@code http_config}
 */
public record VictorOpsConfig(boolean sendResolved, Secret apiKey, Secret apiUrl,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public VictorOpsConfig {
		if (apiKey.value().isEmpty()) {
			throw new IllegalArgumentException("victorops_configs.api_key must not be empty");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "victorops_configs.api_url");
	}

}
