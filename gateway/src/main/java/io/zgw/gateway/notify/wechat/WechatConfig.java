package io.zgw.gateway.notify.wechat;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * WechatConfig is the delivery part of one entry of a receiver's {@code wechat_configs};
 * the message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for WeChat is false)
 * @param apiSecret {@code api_secret}: exchanged for an access token when sending, never
 * stored with the message
 * @param corpId {@code corp_id}
 * @param apiUrl {@code api_url}, ending in {@code /}
 * @param httpConfig {@code http_config}
 */
public record WechatConfig(boolean sendResolved, Secret apiSecret, String corpId, Secret apiUrl,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public WechatConfig {
		if (apiSecret.value().isEmpty()) {
			throw new IllegalArgumentException("wechat_configs.api_secret must not be empty");
		}
		if (corpId.isEmpty()) {
			throw new IllegalArgumentException("wechat_configs.corp_id must not be empty");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "wechat_configs.api_url");
		if (!apiUrl.value().endsWith("/")) {
			throw new IllegalArgumentException("wechat_configs.api_url must end with /");
		}
	}

}
