package io.zgw.alerts.config;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * HttpClientConfig is what an {@code http_config} asks a webhook or Slack sender for:
 * authentication, TLS, a proxy, whether to follow redirects and whether to offer HTTP/2.
 * An integration without its own takes the global one whole, as Alertmanager.
 *
 * @param auth {@code basic_auth}, {@code authorization} or {@code bearer_token}, or null
 * for none
 * @param tls {@code tls_config}, or null for the JVM's defaults
 * @param proxyUrl {@code proxy_url}: the HTTP proxy to send through, or null for none
 * @param followRedirects {@code follow_redirects} (default true)
 * @param enableHttp2 {@code enable_http2} (default true): offer HTTP/2 to https receivers
 */
public record HttpClientConfig(@Nullable HttpAuth auth, @Nullable TlsConfig tls, @Nullable URI proxyUrl,
		boolean followRedirects, boolean enableHttp2) {

	/**
	 * Alertmanager's defaults: no authentication, default TLS, no proxy, redirects
	 * followed, HTTP/2 offered.
	 */
	public static final HttpClientConfig NONE = new HttpClientConfig(null, null, null, true, true);

}
