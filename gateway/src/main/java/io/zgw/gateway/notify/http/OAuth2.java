package io.zgw.gateway.notify.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zgw.gateway.notify.Secret;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 is an {@code http_config.oauth2}: it gets a bearer token with the
 * client-credentials grant and keeps it until ten seconds before it expires, as Go's
 * {@code clientcredentials} does. The client authenticates with HTTP Basic first and,
 * when the token endpoint refuses that, with the credentials in the form (Go's
 * auto-detect). As prometheus/common, the token request goes with the oauth2 section's
 * own {@code tls_config} and {@code proxy_url} (the JDK's default TLS and no proxy when
 * it has none), never the integration's. One instance per configured integration, so a
 * reload starts with a new token.
 */
public final class OAuth2 {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

	private final String clientId;

	private final Secret clientSecret;

	private final List<String> scopes;

	private final URI tokenUrl;

	private final Map<String, String> endpointParams;

	private final Clock clock;

	private final @Nullable TlsContext tls;

	private final @Nullable URI proxyUrl;

	private @Nullable HttpClient ownClient;

	private @Nullable String token;

	private @Nullable Instant expiresAt;

	private boolean secretInForm;

	/**
	 * Creates the token source; the token is asked for on first use, with {@code tls}
	 * (null for the default) and through {@code proxyUrl} (null for none).
	 */
	public OAuth2(String clientId, Secret clientSecret, List<String> scopes, URI tokenUrl,
			Map<String, String> endpointParams, @Nullable TlsContext tls, @Nullable URI proxyUrl, Clock clock) {
		HttpConfig.requireProxy(proxyUrl, "http_config.oauth2.proxy_url");
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.scopes = List.copyOf(scopes);
		this.tokenUrl = tokenUrl;
		this.endpointParams = Map.copyOf(endpointParams);
		this.clock = clock;
		this.tls = tls;
		this.proxyUrl = proxyUrl;
	}

	/**
	 * Returns the {@code Authorization} header value, asking for a token when there is
	 * none or it is about to expire.
	 * @throws IOException naming the token endpoint's answer when no token came
	 */
	synchronized String authorization(HttpClient client, Duration timeout) throws IOException, InterruptedException {
		Instant now = this.clock.instant();
		if (this.token == null || (this.expiresAt != null && !now.isBefore(this.expiresAt.minus(EXPIRY_MARGIN)))) {
			fetch(tokenClient(client), timeout, now);
		}
		return "Bearer " + this.token;
	}

	// A client of this section's own, with the integration's connect timeout.
	private HttpClient tokenClient(HttpClient integrationClient) {
		if (this.ownClient == null) {
			this.ownClient = JsonPoster.newClient(integrationClient.connectTimeout().orElse(Duration.ofSeconds(10)),
					this.tls, this.proxyUrl);
		}
		return this.ownClient;
	}

	private void fetch(HttpClient client, Duration timeout, Instant now) throws IOException, InterruptedException {
		HttpResponse<String> answer = request(client, timeout, this.secretInForm);
		if (!this.secretInForm && (answer.statusCode() == 400 || answer.statusCode() == 401)) {
			HttpResponse<String> inForm = request(client, timeout, true);
			if (inForm.statusCode() / 100 == 2) {
				this.secretInForm = true;
			}
			answer = inForm;
		}
		if (answer.statusCode() / 100 != 2) {
			throw new IOException("oauth2: token endpoint answered " + answer.statusCode());
		}
		JsonNode body;
		try {
			body = JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new IOException("oauth2: token endpoint answered no JSON");
		}
		String accessToken = body.path("access_token").asString("");
		if (accessToken.isEmpty()) {
			throw new IOException("oauth2: token endpoint answered no access_token");
		}
		long expiresIn = body.path("expires_in").asLong(0);
		this.token = accessToken;
		this.expiresAt = (expiresIn > 0) ? now.plusSeconds(expiresIn) : null;
	}

	private HttpResponse<String> request(HttpClient client, Duration timeout, boolean secretInForm)
			throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (!this.scopes.isEmpty()) {
			form.put("scope", String.join(" ", this.scopes));
		}
		form.putAll(this.endpointParams);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.tokenUrl)
			.timeout(timeout)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "zgw");
		if (secretInForm) {
			form.put("client_id", this.clientId);
			form.put("client_secret", this.clientSecret.value());
		}
		else {
			String pair = encode(this.clientId) + ":" + encode(this.clientSecret.value());
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "OAuth2[clientId=" + this.clientId + ", clientSecret=<secret>, tokenUrl=" + this.tokenUrl + "]";
	}

}
