package io.zgw.alerts.config;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * WebhookConfig is a {@code webhook_configs} entry: the payload is Alertmanager's webhook
 * message version 4.
 *
 * @param url where the payload is POSTed
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param maxAlerts maximum alerts per message, 0 for no limit
 * @param timeout {@code timeout} (Alertmanager 0.28): the limit of one request, null for
 * the gateway's default
 * @param http what {@code http_config} asks for
 */
public record WebhookConfig(String url, boolean sendResolved, int maxAlerts, @Nullable Duration timeout,
		HttpClientConfig http) implements Integration {

	public WebhookConfig {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(http, "http");
	}

	@Override
	public String type() {
		return "webhook";
	}

	// The URL is a secret in Alertmanager; never print it (HttpAuth hides its own).
	@Override
	public String toString() {
		return "WebhookConfig[url=<secret>, sendResolved=" + this.sendResolved + ", maxAlerts=" + this.maxAlerts
				+ ", timeout=" + this.timeout + ", http=" + this.http + "]";
	}

}
