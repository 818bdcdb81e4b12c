package io.zgw.alerts.config;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * HttpAuth is the authentication an {@code http_config} asks a sender for: an
 * {@code Authorization} header ({@code authorization}, or the older
 * {@code bearer_token}), HTTP Basic ({@code basic_auth}) or an OAuth 2.0
 * client-credentials token ({@code oauth2}). Its secrets never appear in
 * {@code toString()}.
 */
public sealed interface HttpAuth {

	/**
	 * Authorization is {@code Authorization: <type> <credentials>}.
	 *
	 * @param type {@code type}, {@code Bearer} unless set
	 * @param credentials {@code credentials}
	 */
	record Authorization(String type, String credentials) implements HttpAuth {

		@Override
		public String toString() {
			return "Authorization[type=" + this.type + ", credentials=<secret>]";
		}

	}

	/**
	 * Basic is {@code basic_auth}: the username and password sent as HTTP Basic auth.
	 *
	 * @param username {@code username}
	 * @param password {@code password}, empty when none is set (as Alertmanager)
	 */
	record Basic(String username, String password) implements HttpAuth {

		@Override
		public String toString() {
			return "Basic[username=" + this.username + ", password=<secret>]";
		}

	}

	/**
	 * OAuth2 is {@code oauth2}: a bearer token got with the client-credentials grant.
	 *
	 * @param clientId {@code client_id}
	 * @param clientSecret {@code client_secret} (or read from {@code client_secret_file})
	 * @param scopes {@code scopes}
	 * @param tokenUrl {@code token_url}
	 * @param endpointParams {@code endpoint_params}: more form fields of the token
	 * request
	 * @param tls {@code tls_config} of the token request, or null for the default
	 * @param proxyUrl {@code proxy_url} of the token request, or null for none
	 */
	record OAuth2(String clientId, String clientSecret, List<String> scopes, String tokenUrl,
			Map<String, String> endpointParams, @Nullable TlsConfig tls, @Nullable URI proxyUrl) implements HttpAuth {

		public OAuth2 {
			scopes = List.copyOf(scopes);
			endpointParams = Collections.unmodifiableMap(new TreeMap<>(endpointParams));
		}

		@Override
		public String toString() {
			return "OAuth2[clientId=" + this.clientId + ", clientSecret=<secret>, scopes=" + this.scopes + ", tokenUrl="
					+ this.tokenUrl + "]";
		}

	}

}
