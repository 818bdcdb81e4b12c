package io.zgw.gateway.notify.http;

/**
 * HttpIntegrationConfig is what every HTTP API integration's config has: whether resolved
 * notifications are sent, and its {@code http_config}.
 */
public interface HttpIntegrationConfig {

	/** Returns {@code send_resolved}. */
	boolean sendResolved();

	/** Returns {@code http_config}. */
	HttpConfig httpConfig();

}
