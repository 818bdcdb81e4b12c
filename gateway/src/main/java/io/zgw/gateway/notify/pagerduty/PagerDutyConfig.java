package io.zgw.gateway.notify.pagerduty;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * PagerDutyConfig is the delivery part of one entry of a receiver's
 * {@code pagerduty_configs} (Events API v2); the event's fields belong to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for PagerDuty is
 * true)
 * @param routingKey {@code routing_key}: the integration key, added to each event when it
 * is sent so that the outbox never stores it
 * @param url {@code url}: the Events API v2 endpoint
 * @param httpConfig {@code http_config}
 */
public record PagerDutyConfig(boolean sendResolved, Secret routingKey, Secret url,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public PagerDutyConfig {
		if (routingKey.value().isEmpty()) {
			throw new IllegalArgumentException("pagerduty_configs.routing_key must not be empty");
		}
		WebhookConfig.requireHttpUrl(url, "pagerduty_configs.url");
	}

}
