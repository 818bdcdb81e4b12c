package io.zgw.alerts.config;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * HttpClientConfig is what an {@code http_config} asks a webhook or Slack sender for:
 * authentication, TLS, a proxy and whether to follow redirects. An integration without
 * its own takes the global one whole, as Alertmanager.
 *
 * @param auth {@code basic_auth}, {@code authorization} or {@code bearer_token}, or null
 * for none
 * @param tls {@code tls_config}, or null for the JVM's defaults
 * @param proxyUrl {@code proxy_url}: the HTTP proxy to send through, or null for none
 * @param followRedirects {@code follow_redirects} (default true)
 */
public record HttpClientConfig(@Nullable HttpAuth auth, @Nullable TlsConfig tls, @Nullable URI proxyUrl,
		boolean followRedirects) {

	/**
	 * Alertmanager's defaults: no authentication, default TLS, no proxy, redirects
	 * followed.
	 */
	public static final HttpClientConfig NONE = new HttpClientConfig(null, null, null, true);

}
