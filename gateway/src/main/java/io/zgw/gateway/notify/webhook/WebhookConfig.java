package io.zgw.gateway.notify.webhook;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import org.jspecify.annotations.Nullable;

/**
 * WebhookConfig is one entry of a receiver's {@code webhook_configs}, field for field
 * with Alertmanager's; {@code max_alerts} is applied when the payload is rendered, not
 * here.
 *
 * @param sendResolved {@code send_resolved}: also notify about resolved alerts (default
 * true)
 * @param url {@code url}: where to POST; a secret because it often carries a token
 * @param maxAlerts {@code max_alerts}: most alerts in one payload, 0 = all
 * @param timeout {@code timeout}: per-request timeout, {@code null} = the notify default
 * @param httpConfig {@code http_config}: authentication
 */
public record WebhookConfig(boolean sendResolved, Secret url, int maxAlerts, @Nullable Duration timeout,
		HttpConfig httpConfig) {

	public WebhookConfig {
		requireHttpUrl(url, "webhook_configs.url");
		if (maxAlerts < 0) {
			throw new IllegalArgumentException("webhook_configs.max_alerts must be >= 0, got " + maxAlerts);
		}
		if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
			throw new IllegalArgumentException("webhook_configs.timeout must be positive, got " + timeout);
		}
	}

	/** A config with Alertmanager's defaults for everything but the URL. */
	public static WebhookConfig of(String url) {
		return new WebhookConfig(true, new Secret(url), 0, null, HttpConfig.NONE);
	}

	/** The URL as a URI. */
	URI uri() {
		return URI.create(url.value());
	}

	/**
	 * Checks that a secret URL is an absolute http(s) URL, naming {@code key} but never
	 * the value in the error.
	 */
	public static void requireHttpUrl(Secret url, String key) {
		URI uri;
		try {
			uri = URI.create(url.value());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(key + " is not a valid URL");
		}
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalArgumentException(key + " must be an absolute http or https URL");
		}
	}

}
