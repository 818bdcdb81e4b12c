package io.zgw.gateway.notify.sns;

import java.net.URI;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * SnsConfig is the delivery part of one entry of a receiver's {@code sns_configs}; the
 * message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for SNS is true)
 * @param apiUrl {@code api_url}, or the region's SNS endpoint
 * @param region {@code sigv4.region}
 * @param accessKey {@code sigv4.access_key}
 * @param secretKey {@code sigv4.secret_key}: signs at send time, never stored
 * @param httpConfig {@code http_config}
 */
public record SnsConfig(boolean sendResolved, Secret apiUrl, String region, String accessKey, Secret secretKey,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public SnsConfig {
		WebhookConfig.requireHttpUrl(apiUrl, "sns_configs.api_url");
		if (region.isEmpty() || accessKey.isEmpty() || secretKey.value().isEmpty()) {
			throw new IllegalArgumentException("sns_configs.sigv4 needs region, access_key and secret_key");
		}
	}

	/** The SNS endpoint of a region, where {@code api_url} is not set. */
	public static String endpoint(String region) {
		return "https://sns." + region + ".amazonaws.com/";
	}

	/** The URL the SDK posts to: {@code api_url} with one trailing slash. */
	URI publishUrl() {
		String url = this.apiUrl.value();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return URI.create(url + "/");
	}

}
