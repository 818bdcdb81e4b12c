package io.zgw.gateway.notify.webhook;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.alerts.config.TlsConfig;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.TestCertificates;
import io.zgw.gateway.testsupport.TunnelProxy;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.http.OAuth2;
import io.zgw.gateway.notify.http.TlsContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookNotifierTest {

	private static final Integration WEBHOOK_0 = new Integration(IntegrationKind.WEBHOOK, 0);

	private static final JsonPoster POSTER = new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2)));

	private static final String PAYLOAD = "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"Down\\\"}\"}";

	private final RecordingReceiver receiver = new RecordingReceiver();

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	private DeliveryResult send(WebhookConfig config) {
		return new WebhookNotifier(WEBHOOK_0, config, POSTER, Duration.ofSeconds(2))
			.send(new Delivery("team", WEBHOOK_0, "g", PAYLOAD));
	}

	private WebhookConfig config(HttpConfig http) {
		return new WebhookConfig(true, new Secret(receiver.url("/hook")), 0, null, http);
	}

	@Test
	void postsThePayloadAsJsonAndCounts2xxAsDelivered() {
		receiver.answerWith(204);
		assertThat(send(config(HttpConfig.NONE))).isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = receiver.received().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/hook");
		assertThat(request.contentType()).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo(PAYLOAD);
		assertThat(request.authorization()).isNull();
		// Not Alertmanager's Alertmanager/0.25.0: zgw names itself
		// (docs/alerting-api.md).
		assertThat(request.header("User-Agent")).isEqualTo("zgw");
	}

	@Test
	void sendsBearerTokenWhenConfigured() {
		assertThat(send(config(HttpConfig.bearer("s3cr3t-token"))).outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(receiver.received().get(0).authorization()).isEqualTo("Bearer s3cr3t-token");
	}

	@Test
	void sendsBasicAuthWhenConfigured() {
		send(config(
				new HttpConfig(new HttpConfig.BasicAuth("am", new Secret("pw")), null, null, null, null, true, true)));
		assertThat(receiver.received().get(0).authorization()).isEqualTo("Basic YW06cHc=");
	}

	@Test
	void followsRedirectsAsAlertmanagerUnlessFollowRedirectsIsFalse() {
		receiver.answerBy((n) -> (n % 2 == 1) ? 307 : 200);
		receiver.redirectTo("/moved");
		assertThat(send(config(HttpConfig.NONE))).isEqualTo(DeliveryResult.delivered());
		assertThat(receiver.received()).extracting(RecordingReceiver.Received::path).containsExactly("/hook", "/moved");
		// 307 keeps the method and the body.
		assertThat(receiver.received().get(1).body()).isEqualTo(PAYLOAD);

		DeliveryResult notFollowed = send(config(new HttpConfig(null, null, null, null, null, false, true)));
		assertThat(notFollowed.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(notFollowed.error()).isEqualTo("unexpected status code 307");
		assertThat(receiver.received()).hasSize(3);
	}

	@Test
	void credentialsFollowARedirectToTheSameHostOnlyAnd303TurnsThePostIntoAGet() {
		try (RecordingReceiver elsewhere = new RecordingReceiver()) {
			receiver.answerBy((n) -> 307);
			receiver.redirectTo(elsewhere.url("/moved"));
			assertThat(send(config(HttpConfig.bearer("s3cr3t-token")))).isEqualTo(DeliveryResult.delivered());
			assertThat(receiver.received().get(0).authorization()).isEqualTo("Bearer s3cr3t-token");
			assertThat(elsewhere.received()).singleElement().satisfies((request) -> {
				assertThat(request.authorization()).isNull();
				assertThat(request.method()).isEqualTo("POST");
				assertThat(request.body()).isEqualTo(PAYLOAD);
			});
			receiver.answerBy((n) -> 303);
			assertThat(send(config(HttpConfig.NONE))).isEqualTo(DeliveryResult.delivered());
			assertThat(elsewhere.received().get(1).method()).isEqualTo("GET");
			assertThat(elsewhere.received().get(1).body()).isEmpty();
		}
	}

	@Test
	void proxyUrlSendsTheRequestThroughTheProxy() {
		// The receiver plays the proxy: the webhook's own host does not exist.
		Secret unreachable = new Secret("http://hooks.zgw.invalid/hook");
		HttpConfig viaProxy = new HttpConfig(null, null, null, null, URI.create(receiver.url("")), true, true);
		assertThat(send(new WebhookConfig(true, unreachable, 0, null, viaProxy))).isEqualTo(DeliveryResult.delivered());
		assertThat(receiver.received()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/hook");
			assertThat(request.body()).isEqualTo(PAYLOAD);
		});
		assertThat(send(new WebhookConfig(true, unreachable, 0, null, HttpConfig.NONE)).outcome())
			.isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpConfig(null, null, null, null, URI.create("http://u:p@proxy:3128"), true, true))
			.withMessage("http_config.proxy_url: proxy credentials are not supported");
	}

	@Test
	void oauth2GetsAClientCredentialsTokenOnceAndSendsItAsBearer() {
		try (RecordingReceiver tokens = new RecordingReceiver()) {
			tokens.answerWith(200, "application/json",
					"{\"access_token\":\"t0k3n\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
			OAuth2 oauth2 = new OAuth2("zgw client", new Secret("s3cr3t&"), List.of("alerts.write", "alerts.read"),
					URI.create(tokens.url("/oauth/token")), Map.of("audience", "hooks"), null, null, Clock.systemUTC());
			HttpConfig http = new HttpConfig(null, null, oauth2, null, null, true, true);
			assertThat(send(config(http))).isEqualTo(DeliveryResult.delivered());
			assertThat(send(config(http))).isEqualTo(DeliveryResult.delivered());

			assertThat(receiver.received()).extracting(RecordingReceiver.Received::authorization)
				.containsExactly("Bearer t0k3n", "Bearer t0k3n");
			RecordingReceiver.Received tokenRequest = tokens.received().get(0);
			assertThat(tokens.received()).hasSize(1);
			// As Go's oauth2: client id and secret form-encoded inside HTTP Basic.
			assertThat(tokenRequest.authorization()).isEqualTo("Basic "
					+ Base64.getEncoder().encodeToString("zgw+client:s3cr3t%26".getBytes(StandardCharsets.UTF_8)));
			assertThat(tokenRequest.contentType()).isEqualTo("application/x-www-form-urlencoded");
			assertThat(tokenRequest.body())
				.isEqualTo("grant_type=client_credentials&scope=alerts.write+alerts.read&audience=hooks");
			assertThat(oauth2.toString()).doesNotContain("s3cr3t");
		}
	}

	// The token endpoint is reachable only through the egress proxy, over TLS signed by a
	// private CA; the receiver itself is reached directly.
	@Test
	void oauth2AsksForTheTokenThroughItsOwnProxyAndTlsConfig(@TempDir Path dir) {
		TestCertificates certs = TestCertificates.create(dir);
		try (RecordingReceiver tokens = new RecordingReceiver();
				TunnelProxy egress = new TunnelProxy(URI.create(tokens.url("")).getPort(), certs.serverContext())) {
			tokens.answerWith(200, "application/json", "{\"access_token\":\"via-proxy\",\"expires_in\":3600}");
			TlsContext privateCa = TlsContext
				.of(new TlsConfig(certs.ca().toString(), null, null, null, false, "TLS12", null));
			URI tokenUrl = URI.create("https://" + TestCertificates.SERVER_NAME + "/oauth/token");
			OAuth2 oauth2 = new OAuth2("zgw", new Secret("s"), List.of(), tokenUrl, Map.of(), privateCa,
					URI.create(egress.url()), Clock.systemUTC());
			assertThat(send(config(new HttpConfig(null, null, oauth2, null, null, true, true))))
				.isEqualTo(DeliveryResult.delivered());
			assertThat(egress.tunnels()).containsExactly(TestCertificates.SERVER_NAME + ":443");
			assertThat(tokens.received()).extracting(RecordingReceiver.Received::path).containsExactly("/oauth/token");
			assertThat(receiver.received()).extracting(RecordingReceiver.Received::authorization)
				.containsExactly("Bearer via-proxy");

			// Without its own CA the token request fails the handshake, and nothing is
			// sent.
			OAuth2 untrusted = new OAuth2("zgw", new Secret("s"), List.of(), tokenUrl, Map.of(), null,
					URI.create(egress.url()), Clock.systemUTC());
			DeliveryResult refused = send(config(new HttpConfig(null, null, untrusted, null, null, true, true)));
			assertThat(refused.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
			assertThat(refused.error()).contains("SSLHandshakeException");
			assertThat(receiver.received()).hasSize(1);
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OAuth2("zgw", new Secret("s"), List.of(), URI.create("https://sso/token"), Map.of(),
					null, URI.create("https://egress:3128"), Clock.systemUTC()))
			.withMessage("http_config.oauth2.proxy_url: only an http:// proxy is supported");
	}

	@Test
	void oauth2TokenAboutToExpireIsAskedForAgain() {
		try (RecordingReceiver tokens = new RecordingReceiver()) {
			// Within the ten seconds' margin: never reused.
			tokens.answerWith(200, "application/json", "{\"access_token\":\"short\",\"expires_in\":9}");
			OAuth2 oauth2 = new OAuth2("zgw", new Secret("s"), List.of(), URI.create(tokens.url("/token")), Map.of(),
					null, null, Clock.systemUTC());
			HttpConfig http = new HttpConfig(null, null, oauth2, null, null, true, true);
			send(config(http));
			send(config(http));
			assertThat(tokens.received()).hasSize(2);
			assertThat(receiver.received()).extracting(RecordingReceiver.Received::authorization)
				.containsExactly("Bearer short", "Bearer short");
		}
	}

	@Test
	void oauth2TokenEndpointRefusingIsRetryableAndTheReceiverIsNotCalled() {
		try (RecordingReceiver tokens = new RecordingReceiver()) {
			tokens.answerWith(401, "application/json", "{\"error\":\"invalid_client\"}");
			OAuth2 oauth2 = new OAuth2("zgw", new Secret("wrong"), List.of(), URI.create(tokens.url("/token")),
					Map.of(), null, null, Clock.systemUTC());
			DeliveryResult result = send(config(new HttpConfig(null, null, oauth2, null, null, true, true)));
			assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
			assertThat(result.error()).contains("oauth2: token endpoint answered 401").doesNotContain("wrong");
			// Basic first, then the credentials in the form, as Go's auto-detect.
			assertThat(tokens.received()).hasSize(2);
			assertThat(tokens.received().get(1).authorization()).isNull();
			assertThat(tokens.received().get(1).body()).contains("client_id=zgw").contains("client_secret=wrong");
			assertThat(receiver.received()).isEmpty();
		}
	}

	@Test
	void badRequestIsAPermanentFailureWithTheReceiversExplanation() {
		receiver.answerWith(400, "text/plain", "missing field alerts");
		DeliveryResult result = send(config(HttpConfig.NONE));
		assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(result.error()).isEqualTo("unexpected status code 400: missing field alerts");
	}

	@Test
	void aRefusedMessageIsAPermanentFailure() {
		for (int status : new int[] { 413, 422 }) {
			receiver.answerWith(status);
			assertThat(send(config(HttpConfig.NONE)).outcome()).as("%d", status).isEqualTo(Outcome.PERMANENT_FAILURE);
		}
	}

	@Test
	void serverErrorsAndTheOtherClientErrorsAreRetryable() {
		// 401, 403, 404: an auth proxy or an ingress during a deploy, or a URL or
		// credentials a corrected routing file fixes; the row must wait, not be lost.
		for (int status : new int[] { 503, 429, 401, 403, 404, 408, 410 }) {
			receiver.answerWith(status);
			assertThat(send(config(HttpConfig.NONE)).outcome()).as("%d", status).isEqualTo(Outcome.RETRYABLE_FAILURE);
		}
	}

	@Test
	void closedPortIsRetryableAndTheErrorNamesNeitherUrlNorToken() {
		receiver.down();
		DeliveryResult result = send(config(HttpConfig.bearer("s3cr3t-token")));
		assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(result.error()).startsWith("ConnectException").doesNotContain("s3cr3t").doesNotContain("/hook");
	}

	@Test
	void configTimeoutShortensTheGatewaysButCannotLengthenIt() {
		// The outbox lease is sized for zgw.notify.timeout: a longer send could outlive
		// it.
		Duration gateway = Duration.ofSeconds(10);
		assertThat(Stream.of(Duration.ofSeconds(3), Duration.ofMinutes(1))
			.map((own) -> new WebhookConfig(true, new Secret("http://127.0.0.1:1/"), 0, own, HttpConfig.NONE))
			.map((config) -> new WebhookNotifier(WEBHOOK_0, config, POSTER, gateway).timeout()))
			.containsExactly(Duration.ofSeconds(3), gateway);
	}

	@Test
	void configTimeoutBoundsASlowReceiver() throws Exception {
		HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		CountDownLatch release = new CountDownLatch(1);
		// Never answers: the handler holds the exchange until the test releases it.
		slow.createContext("/", (exchange) -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		slow.start();
		try {
			WebhookConfig config = new WebhookConfig(true,
					new Secret("http://127.0.0.1:" + slow.getAddress().getPort() + "/"), 0, Duration.ofMillis(300),
					HttpConfig.NONE);
			long start = System.nanoTime();
			DeliveryResult result = send(config);
			assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
			assertThat(result.error()).contains("HttpTimeoutException");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			release.countDown();
			slow.stop(0);
		}
	}

	@Test
	void configRefusesNonHttpUrlWithoutEchoingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookConfig.of("ftp://user:pw@host/x"))
			.withMessage("webhook_configs.url must be an absolute http or https URL");
	}

	@Test
	void configToStringHidesUrlAndCredentials() {
		String text = new WebhookConfig(true, new Secret("https://h/x?token=abc"), 0, null, HttpConfig.bearer("tok"))
			.toString();
		assertThat(text).doesNotContain("abc").doesNotContain("tok").contains("<secret>");
	}

}
