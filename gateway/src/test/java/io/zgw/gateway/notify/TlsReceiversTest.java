package io.zgw.gateway.notify;

import java.nio.file.Path;
import java.time.Duration;

import io.zgw.alerts.config.ConfigLoader;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.webhook.WebhookNotifier;
import io.zgw.gateway.testsupport.Http2Receiver;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Sends webhooks over real TLS (the JDK's HTTPS server, certificates made by
 * {@code openssl}) as a routing file's {@code tls_config} says: a private CA, mutual TLS,
 * {@code server_name}, {@code insecure_skip_verify} and TLS versions, and
 * {@code enable_http2} against a receiver that speaks HTTP/2 (embedded Tomcat).
 */
class TlsReceiversTest {

	private static final Integration WEBHOOK_0 = new Integration(IntegrationKind.WEBHOOK, 0);

	private static final JsonPoster POSTER = new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2)));

	@TempDir
	static Path dir;

	private static TestCertificates certs;

	private RecordingReceiver receiver;

	@BeforeAll
	static void makeCertificates() {
		certs = TestCertificates.create(dir);
	}

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	private DeliveryResult send(String tlsConfig) {
		return send(this.receiver.url("/hook"), "{tls_config: " + tlsConfig + "}");
	}

	private static DeliveryResult send(String url, String httpConfig) {
		String yaml = """
				route:
				  receiver: team
				receivers:
				  - name: team
				    webhook_configs:
				      - url: %s
				        http_config: %s
				""".formatted(url, httpConfig);
		Receiver team = AlertmanagerReceivers.of(ConfigLoader.load(yaml)).get(0);
		return new WebhookNotifier(WEBHOOK_0, team.webhookConfigs().get(0), POSTER, Duration.ofSeconds(5))
			.send(new Delivery("team", WEBHOOK_0, "g", "{}"));
	}

	@Test
	void privateCaInCaFileVerifiesTheReceiverAndTheJvmTrustStoreDoesNot() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), false);
		assertThat(send("{ca_file: " + certs.ca() + "}")).isEqualTo(DeliveryResult.delivered());
		assertThat(this.receiver.received()).hasSize(1);

		DeliveryResult untrusted = send("{min_version: TLS12}");
		assertThat(untrusted.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(untrusted.error()).contains("SSLHandshakeException");
		DeliveryResult otherCa = send("{ca_file: " + certs.otherCa() + "}");
		assertThat(otherCa.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(otherCa.error()).contains("SSLHandshakeException");
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void insecureSkipVerifyAcceptsACertificateNoCaVouchesFor() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), false);
		assertThat(send("{insecure_skip_verify: true}")).isEqualTo(DeliveryResult.delivered());
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void serverNameIsTheNameTheCertificateMustCarry() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), false);
		assertThat(send("{ca_file: " + certs.ca() + ", server_name: " + TestCertificates.SERVER_NAME + "}"))
			.isEqualTo(DeliveryResult.delivered());
		DeliveryResult wrongName = send("{ca_file: " + certs.ca() + ", server_name: payments.zgw.internal}");
		assertThat(wrongName.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(wrongName.error()).contains("SSLHandshakeException");
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void mutualTlsReceiverGetsTheClientCertificateWithAPkcs8OrPkcs1Key() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), true);
		String ca = "ca_file: " + certs.ca();
		assertThat(send("{" + ca + ", cert_file: " + certs.clientCert() + ", key_file: " + certs.clientKey() + "}"))
			.isEqualTo(DeliveryResult.delivered());
		assertThat(
				send("{" + ca + ", cert_file: " + certs.clientCert() + ", key_file: " + certs.clientKeyPkcs1() + "}"))
			.isEqualTo(DeliveryResult.delivered());
		assertThat(send("{" + ca + "}").outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(this.receiver.received()).hasSize(2);
	}

	@Test
	void tlsVersionsBoundWhatTheSenderOffers() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), false, "TLSv1.2");
		String ca = "ca_file: " + certs.ca();
		assertThat(send("{" + ca + ", max_version: TLS12}")).isEqualTo(DeliveryResult.delivered());
		DeliveryResult tls13Only = send("{" + ca + ", min_version: TLS13}");
		assertThat(tls13Only.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(tls13Only.error()).contains("SSLHandshakeException");
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void enableHttp2OffersHttp2OverTlsOnlyAsGosClientDoes() {
		try (Http2Receiver h2 = new Http2Receiver(certs, dir.resolve("tomcat"))) {
			String ca = "tls_config: {ca_file: " + certs.ca() + "}";
			// Alertmanager's default: HTTP/2 where ALPN agrees on it.
			assertThat(send(h2.httpsUrl("/hook"), "{" + ca + "}")).isEqualTo(DeliveryResult.delivered());
			assertThat(send(h2.httpsUrl("/hook"), "{" + ca + ", enable_http2: false}"))
				.isEqualTo(DeliveryResult.delivered());
			// Plain http stays HTTP/1.1, with no h2c upgrade offered, as in Go.
			assertThat(send(h2.httpUrl("/hook"), "{enable_http2: true}")).isEqualTo(DeliveryResult.delivered());
			assertThat(h2.protocols()).containsExactly("HTTP/2.0", "HTTP/1.1", "HTTP/1.1");
		}
	}

	@Test
	void unusableFilesRefuseTheConfigurationNamingReceiverAndField() {
		this.receiver = RecordingReceiver.https(certs.serverContext(), false);
		Path missing = dir.resolve("missing.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> send("{ca_file: " + missing + "}"))
			.withMessageStartingWith(
					"receivers[0].webhook_configs[0]: receiver \"team\": tls_config.ca_file: cannot read "
							+ "certificates from " + missing);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> send("{cert_file: " + certs.clientCert() + ", key_file: " + certs.serverKey() + "}"))
			.withMessage("receivers[0].webhook_configs[0]: receiver \"team\": tls_config.key_file: " + certs.serverKey()
					+ " is not the private key of the certificate in " + certs.clientCert());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> send("{cert_file: " + certs.clientCert() + ", key_file: " + certs.ca() + "}"))
			.withMessage(
					"receivers[0].webhook_configs[0]: receiver \"team\": tls_config.key_file: no PEM private key in "
							+ certs.ca());
	}

}
