package io.zgw.gateway.notify.pagerduty;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * PagerDutyConfig is the delivery part of one entry of a receiver's
 * {@code pagerduty_configs}; the event's fields belong to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for PagerDuty is
 * true)
 * @param key the Events API v2 {@code routing_key}, or the Events API v1
 * {@code service_key}: added to each event when it is sent so that the outbox never
 * stores it
 * @param eventsV1 whether the key is an Events API v1 service key
 * @param url the Events API endpoint: {@code url} for v2, PagerDuty's fixed one for v1
 * @param httpConfig {@code http_config}
 */
public record PagerDutyConfig(boolean sendResolved, Secret key, boolean eventsV1, Secret url,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public PagerDutyConfig {
		if (key.value().isEmpty()) {
			throw new IllegalArgumentException("pagerduty_configs.routing_key or service_key must not be empty");
		}
		WebhookConfig.requireHttpUrl(url, "pagerduty_configs.url");
	}

}
