package io.zgw.gateway.notify.email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.gateway.notify.AlertmanagerReceivers;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends mail to a real SMTPS server (GreenMail on port 465 with a certificate from a
 * private CA made by {@code openssl}): as Alertmanager, a smarthost on port 465 gets TLS
 * from the first byte, checked as the entry's {@code tls_config} says.
 */
class ImplicitTlsEmailTest {

	private static final Integration EMAIL_0 = new Integration(IntegrationKind.EMAIL, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	private static TestCertificates certs;

	private static GreenMail smtps;

	@BeforeAll
	static void startSmtps() {
		certs = TestCertificates.create(dir);
		// GreenMail reads its TLS key store from these once, when its first TLS server
		// starts; no other test starts one.
		System.setProperty("greenmail.tls.keystore.file", certs.serverStore().toString());
		System.setProperty("greenmail.tls.keystore.password", TestCertificates.STORE_PASSWORD);
		System.setProperty("greenmail.tls.key.password", TestCertificates.STORE_PASSWORD);
		smtps = new GreenMail(new ServerSetup(465, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
		smtps.start();
	}

	@AfterAll
	static void stopSmtps() {
		smtps.stop();
	}

	private static DeliveryResult send(String tlsConfig) {
		String yaml = """
				route:
				  receiver: mail
				receivers:
				  - name: mail
				    email_configs:
				      - to: oncall@zgw.test
				        from: alerts@zgw.test
				        smarthost: 127.0.0.1:465
				        tls_config: %s
				""".formatted(tlsConfig);
		EmailConfig config = AlertmanagerReceivers.of(ConfigLoader.load(yaml)).get(0).emailConfigs().get(0);
		return new EmailNotifier(EMAIL_0, config, JSON, Duration.ofSeconds(5)).send(new Delivery("mail", EMAIL_0, "g",
				JSON.writeValueAsString(new EmailMessage(null, null, "tls", null, "over TLS", Map.of()))));
	}

	@Test
	void port465SpeaksTlsCheckedAgainstTheEntrysCa() {
		int before = smtps.getReceivedMessages().length;
		assertThat(send("{ca_file: " + certs.ca() + "}")).isEqualTo(DeliveryResult.delivered());
		assertThat(send("{insecure_skip_verify: true}")).isEqualTo(DeliveryResult.delivered());

		DeliveryResult otherCa = send("{ca_file: " + certs.otherCa() + "}");
		assertThat(otherCa.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(otherCa.error()).contains("PKIX");
		assertThat(send("{ca_file: " + certs.ca() + ", server_name: " + TestCertificates.SERVER_NAME + "}"))
			.isEqualTo(DeliveryResult.delivered());
		DeliveryResult wrongName = send("{ca_file: " + certs.ca() + ", server_name: mail.zgw.internal}");
		assertThat(wrongName.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(wrongName.error()).contains("server_name mail.zgw.internal");
		assertThat(smtps.getReceivedMessages()).hasSize(before + 3);
	}

}
