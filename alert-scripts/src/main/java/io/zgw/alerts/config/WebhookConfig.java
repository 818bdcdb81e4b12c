package io.zgw.alerts.config;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * WebhookConfig is a {@code webhook_configs} entry: the payload is Alertmanager's webhook
 * message version 4.
 *
 * @param url where the payload is POSTed
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param maxAlerts maximum alerts per message, 0 for no limit
 * @param bearerToken token for {@code Authorization: Bearer}, from
 * {@code http_config.authorization.credentials} or {@code http_config.bearer_token}
 */
public record WebhookConfig(String url, boolean sendResolved, int maxAlerts,
		@Nullable String bearerToken) implements Integration {

	public WebhookConfig {
		Objects.requireNonNull(url, "url");
	}

	@Override
	public String type() {
		return "webhook";
	}

	// The URL and token are secrets in Alertmanager; never print them.
	@Override
	public String toString() {
		return "WebhookConfig[url=<secret>, sendResolved=" + this.sendResolved + ", maxAlerts=" + this.maxAlerts
				+ ", bearerToken=" + ((this.bearerToken != null) ? "<secret>" : "none") + "]";
	}

}
