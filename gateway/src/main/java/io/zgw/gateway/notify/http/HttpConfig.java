package io.zgw.gateway.notify.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import io.zgw.alerts.config.HttpAuth;
import io.zgw.alerts.config.HttpClientConfig;
import io.zgw.gateway.notify.Secret;
import org.jspecify.annotations.Nullable;

/**
 * HttpConfig is the part of Alertmanager's {@code http_config} a sender honours: at most
 * one of {@code basic_auth}, {@code authorization} and {@code oauth2},
 * {@code tls_config}, {@code proxy_url}, {@code follow_redirects} and
 * {@code enable_http2}.
 *
 * @param basicAuth {@code basic_auth}: username and password sent as HTTP Basic auth
 * @param authorization {@code authorization}: {@code Authorization: <type> <credentials>}
 * @param oauth2 {@code oauth2}: a client-credentials bearer token
 * @param tls {@code tls_config}, or null for the JVM's defaults
 * @param proxyUrl {@code proxy_url}: an {@code http://host[:port]} proxy, or null for
 * none
 * @param followRedirects {@code follow_redirects}: Alertmanager's default is true
 * @param enableHttp2 {@code enable_http2}: offer HTTP/2 (by ALPN) to https receivers, as
 * Go's client does; plain http stays HTTP/1.1. Alertmanager's default is true
 */
public record HttpConfig(@Nullable BasicAuth basicAuth, @Nullable Authorization authorization, @Nullable OAuth2 oauth2,
		@Nullable TlsContext tls, @Nullable URI proxyUrl, boolean followRedirects, boolean enableHttp2) {

	/**
	 * Alertmanager's defaults: no authentication, default TLS, no proxy, redirects
	 * followed, HTTP/2 offered.
	 */
	public static final HttpConfig NONE = new HttpConfig(null, null, null, null, null, true, true);

	public HttpConfig {
		if ((basicAuth != null ? 1 : 0) + (authorization != null ? 1 : 0) + (oauth2 != null ? 1 : 0) > 1) {
			throw new IllegalArgumentException(
					"http_config: at most one of basic_auth, authorization and oauth2 may be set");
		}
		requireProxy(proxyUrl, "http_config.proxy_url");
	}

	/**
	 * Refuses a proxy zgw cannot use: one that is not {@code http://host[:port]}, or that
	 * carries credentials.
	 */
	static void requireProxy(@Nullable URI proxyUrl, String key) {
		if (proxyUrl != null && !("http".equals(proxyUrl.getScheme()) && proxyUrl.getHost() != null)) {
			throw new IllegalArgumentException(key + ": only an http:// proxy is supported");
		}
		if (proxyUrl != null && proxyUrl.getRawUserInfo() != null) {
			throw new IllegalArgumentException(key + ": proxy credentials are not supported");
		}
	}

	/**
	 * Returns what a routing file's {@code http_config} asks of a sender: its secrets
	 * wrapped, its {@code tls_config} and an {@code oauth2}'s read into what sends with
	 * them.
	 */
	public static HttpConfig of(HttpClientConfig http) {
		TlsContext tls = (http.tls() != null) ? TlsContext.of(http.tls()) : null;
		BasicAuth basic = null;
		Authorization authorization = null;
		OAuth2 oauth2 = null;
		if (http.auth() instanceof HttpAuth.Basic given) {
			basic = new BasicAuth(given.username(), new Secret(given.password()));
		}
		else if (http.auth() instanceof HttpAuth.Authorization given) {
			authorization = new Authorization(given.type(), new Secret(given.credentials()));
		}
		else if (http.auth() instanceof HttpAuth.OAuth2 given) {
			oauth2 = new OAuth2(given.clientId(), new Secret(given.clientSecret()), given.scopes(),
					URI.create(given.tokenUrl()), given.endpointParams(),
					(given.tls() != null) ? TlsContext.of(given.tls()) : null, given.proxyUrl(), Clock.systemUTC());
		}
		return new HttpConfig(basic, authorization, oauth2, tls, http.proxyUrl(), http.followRedirects(),
				http.enableHttp2());
	}

	/** An {@code authorization} of type Bearer with the given token. */
	public static HttpConfig bearer(String token) {
		return new HttpConfig(null, new Authorization("Bearer", new Secret(token)), null, null, null, true, true);
	}

	/**
	 * The value of the {@code Authorization} header, or {@code null} when none is
	 * configured.
	 */
	@Nullable String authorizationHeader() {
		if (basicAuth != null) {
			return basicAuth.headerValue();
		}
		if (authorization != null) {
			return authorization.type() + " " + authorization.credentials().value();
		}
		return null;
	}

	/**
	 * BasicAuth is {@code http_config.basic_auth}.
	 *
	 * @param username {@code username}
	 * @param password {@code password}
	 */
	public record BasicAuth(String username, Secret password) {

		String headerValue() {
			String pair = username + ":" + password.value();
			return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * Authorization is {@code http_config.authorization}.
	 *
	 * @param type {@code type}, Alertmanager's default is {@code Bearer}
	 * @param credentials {@code credentials}
	 */
	public record Authorization(String type, Secret credentials) {

		public Authorization {
			if (type.isBlank()) {
				throw new IllegalArgumentException("http_config.authorization.type must not be blank");
			}
		}

	}

}
