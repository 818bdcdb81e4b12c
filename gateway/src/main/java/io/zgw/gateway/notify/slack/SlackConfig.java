package io.zgw.gateway.notify.slack;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import org.jspecify.annotations.Nullable;

/**
 * SlackConfig is the delivery part of one entry of a receiver's {@code slack_configs},
 * field for field with Alertmanager's; {@code title}, {@code text} and the other message
 * fields belong to rendering.
 *
 * @param sendResolved {@code send_resolved}: also notify about resolved alerts
 * (Alertmanager's default for Slack is false)
 * @param apiUrl {@code api_url}: the incoming-webhook URL, which carries the token
 * @param channel {@code channel}: set on the message when the rendered payload has none
 * @param username {@code username}: set on the message when the rendered payload has none
 * @param httpConfig {@code http_config}: authentication
 */
public record SlackConfig(boolean sendResolved, Secret apiUrl, @Nullable String channel, @Nullable String username,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public SlackConfig {
		WebhookConfig.requireHttpUrl(apiUrl, "slack_configs.api_url");
	}

}
