package io.zgw.alerts.config;

import org.jspecify.annotations.Nullable;

/**
 * HttpClientConfig is what an {@code http_config} asks a webhook or Slack sender for:
 * authentication and TLS. An integration without its own takes the global one whole, as
 * Alertmanager.
 *
 * @param auth {@code basic_auth}, {@code authorization} or {@code bearer_token}, or null
 * for none
 * @param tls {@code tls_config}, or null for the JVM's defaults
 */
public record HttpClientConfig(@Nullable HttpAuth auth, @Nullable TlsConfig tls) {

	/** No authentication and default TLS. */
	public static final HttpClientConfig NONE = new HttpClientConfig(null, null);

}
