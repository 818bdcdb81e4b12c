package io.zgw.gateway.notify.email;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * SMTP AUTH as Alertmanager's email notifier does it ({@code auth_username} with
 * {@code auth_password} and {@code auth_identity}, or {@code auth_secret}), against a
 * real SMTP server: aiosmtpd (Debian's python3-aiosmtpd) run by
 * {@code smtp/auth_smtp.py}, which offers the mechanisms each test asks for, checks
 * PLAIN's authorization identity and CRAM-MD5's digest, and logs each attempt.
 */
class SmtpAuthMechanismsTest {

	private static final Integration EMAIL_0 = new Integration(IntegrationKind.EMAIL, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private @Nullable Process server;

	private int port;

	private void start(String mechanisms) throws Exception {
		Path script = Path.of(getClass().getResource("/smtp/auth_smtp.py").toURI());
		this.server = new ProcessBuilder("/usr/bin/python3", script.toString(), "--log", log().toString(), "--user",
				"am", "--password", "mail-pw", "--secret", "cr4m-s3cret", "--mechanisms", mechanisms)
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(this.server.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		assertThat(line).as("smtp/auth_smtp.py needs Debian's python3-aiosmtpd (lab/zgw-lab up installs it)")
			.startsWith("listening ");
		this.port = Integer.parseInt(line.substring("listening ".length()));
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.server != null) {
			this.server.destroy();
			this.server.waitFor(5, TimeUnit.SECONDS);
		}
	}

	private Path log() {
		return this.dir.resolve("smtp.jsonl");
	}

	// What the server logged of one kind, "auth" or "mail", in order.
	private List<JsonNode> logged(String kind) throws Exception {
		if (!Files.exists(log())) {
			return List.of();
		}
		return Files.readAllLines(log())
			.stream()
			.map(JSON::readTree)
			.filter((entry) -> entry.has(kind))
			.map((entry) -> entry.get(kind))
			.toList();
	}

	private DeliveryResult send(@Nullable String password, @Nullable String identity, @Nullable String secret) {
		EmailConfig config = new EmailConfig(true, "oncall@zgw.test", "alerts@zgw.test", "gw.zgw.test",
				"127.0.0.1:" + this.port, "am", (password != null) ? new Secret(password) : null, identity,
				(secret != null) ? new Secret(secret) : null, false, Map.of(), null);
		EmailMessage message = new EmailMessage(null, null, "[FIRING:1] DiskFull", null, "db-1", Map.of());
		return new EmailNotifier(EMAIL_0, config, JSON, Duration.ofSeconds(5))
			.send(new Delivery("mail", EMAIL_0, "g", JSON.writeValueAsString(message)));
	}

	@Test
	void plainAuthorizesAsTheIdentityWhenOneIsSet() throws Exception {
		start("LOGIN PLAIN");
		assertThat(send("mail-pw", "noc@zgw.test", null)).isEqualTo(DeliveryResult.delivered());
		assertThat(send("mail-pw", null, null)).isEqualTo(DeliveryResult.delivered());

		assertThat(logged("auth"))
			.extracting((auth) -> auth.path("mechanism").asString(), (auth) -> auth.path("authzid").asString(),
					(auth) -> auth.path("user").asString(), (auth) -> auth.path("ok").asBoolean())
			.containsExactly(tuple("PLAIN", "noc@zgw.test", "am", true), tuple("PLAIN", "", "am", true));
		assertThat(logged("mail")).hasSize(2).allSatisfy((mail) -> {
			assertThat(mail.path("authenticated").asBoolean()).isTrue();
			assertThat(mail.path("from").asString()).isEqualTo("alerts@zgw.test");
		});
	}

	@Test
	void aSecretAloneAuthenticatesWithCramMd5() throws Exception {
		start("CRAM-MD5 PLAIN");
		assertThat(send(null, null, "cr4m-s3cret")).isEqualTo(DeliveryResult.delivered());

		assertThat(logged("auth")).singleElement().satisfies((auth) -> {
			assertThat(auth.path("mechanism").asString()).isEqualTo("CRAM-MD5");
			assertThat(auth.path("ok").asBoolean()).isTrue();
		});
		assertThat(logged("mail")).singleElement()
			.satisfies((mail) -> assertThat(mail.path("authenticated").asBoolean()).isTrue());
	}

	@Test
	void aWrongSecretIsRetriedLaterAndNeverEchoed() throws Exception {
		start("CRAM-MD5");
		DeliveryResult result = send(null, null, "wr0ng-s3cret");

		assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(result.error()).contains("uthentication").doesNotContain("wr0ng-s3cret");
		assertThat(logged("auth")).singleElement()
			.satisfies((auth) -> assertThat(auth.path("ok").asBoolean()).isFalse());
		assertThat(logged("mail")).isEmpty();
	}

	@Test
	void givenBothThePasswordIsUsed() throws Exception {
		start("CRAM-MD5 PLAIN");
		assertThat(send("mail-pw", null, "cr4m-s3cret")).isEqualTo(DeliveryResult.delivered());
		assertThat(logged("auth")).extracting((auth) -> auth.path("mechanism").asString()).containsExactly("PLAIN");
	}

	@Test
	void aServerWithoutAuthGetsTheMailUnauthenticatedAsAlertmanagerSendsIt() throws Exception {
		start("");
		assertThat(send("mail-pw", "noc@zgw.test", null)).isEqualTo(DeliveryResult.delivered());
		assertThat(logged("auth")).isEmpty();
		assertThat(logged("mail")).singleElement()
			.satisfies((mail) -> assertThat(mail.path("authenticated").asBoolean()).isFalse());
	}

}
