package io.zgw.gateway.notify.rocketchat;

import java.net.URI;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * RocketChatConfig is the delivery part of one entry of a receiver's
 * {@code rocketchat_configs}; the message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for Rocket.Chat is
 * false)
 * @param apiUrl {@code api_url}: the server's base URL
 * @param token {@code token}: the {@code X-Auth-Token} header, never stored with the
 * message
 * @param tokenId {@code token_id}: the {@code X-User-Id} header the token belongs to
 * @param httpConfig {@code http_config}
 */
public record RocketChatConfig(boolean sendResolved, URI apiUrl, Secret token, Secret tokenId,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public RocketChatConfig {
		WebhookConfig.requireHttpUrl(new Secret(apiUrl.toString()), "rocketchat_configs.api_url");
		if (token.value().isEmpty() || tokenId.value().isEmpty()) {
			throw new IllegalArgumentException("rocketchat_configs: token and token_id must not be empty");
		}
	}

	/**
	 * The {@code chat.postMessage} endpoint under the base URL, as Go's
	 * {@code URL.JoinPath}.
	 */
	URI postMessage() {
		String base = this.apiUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/chat.postMessage");
	}

}
