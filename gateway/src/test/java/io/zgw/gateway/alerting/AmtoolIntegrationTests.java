package io.zgw.gateway.alerting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code amtool} (Alertmanager's CLI, 0.25) against the running gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class AmtoolIntegrationTests {

	private static final Path AMTOOL = Path.of("/usr/bin/amtool");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	String host;

	@TempDir
	Path temp;

	Path httpConfig;

	@BeforeEach
	void setUp() throws IOException {
		assertThat(AMTOOL).as("amtool must be installed (apt-get install prometheus-alertmanager)").isExecutable();
		this.host = "amtool-" + UUID.randomUUID();
		// amtool 0.25 sends the API key from Prometheus' HTTP client configuration.
		this.httpConfig = Files.writeString(this.temp.resolve("http.yml"),
				"authorization:\n  credentials: " + AlertingTestSupport.ADMIN_KEY + "\n");
		new AlertingTestSupport(this.port).post("/api/v2/alerts", """
				[{"labels":{"alertname":"AmtoolSees","host":"%s","business_line":"shop"}}]
				""".formatted(this.host), Map.of());
	}

	@Test
	void amtoolQueriesAlertsAndAddsQueriesAndExpiresSilences() throws Exception {
		JsonNode alerts = this.json.readTree(amtool("alert", "query", "host=" + this.host, "-o", "json"));
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).get("labels").get("alertname").asString()).isEqualTo("AmtoolSees");

		String id = amtool("silence", "add", "host=" + this.host, "--comment=maintenance", "--author=tester",
				"--duration=1h")
			.strip();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(amtool("silence", "query", "-q", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(this.json.readTree(amtool("alert", "query", "host=" + this.host, "-o", "json"))).isEmpty();
		JsonNode silenced = this.json
			.readTree(amtool("alert", "query", "--silenced", "host=" + this.host, "-o", "json"));
		assertThat(silenced.get(0).get("status").get("silencedBy").get(0).asString()).isEqualTo(id);

		amtool("silence", "expire", id);
		assertThat(amtool("silence", "query", "-q", "host=" + this.host).strip()).isEmpty();
		assertThat(amtool("silence", "query", "-q", "--expired", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(this.json.readTree(amtool("alert", "query", "host=" + this.host, "-o", "json"))).hasSize(1);
	}

	@Test
	void amtoolListsAndExpiresARecurringSilenceIgnoringItsSchedule() throws Exception {
		// A window in 2001 never contains now: the silence is active but mutes nothing.
		String id = new AlertingTestSupport(this.port).createSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"tester","comment":"recurring",
				 "zgwSchedule":{"timeIntervals":[{"years":["2001"]}]}}
				""".formatted(this.host, Instant.now(), Instant.now().plusSeconds(3600)));
		assertThat(amtool("silence", "query", "-q", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(amtool("silence", "query", "-o", "extended", "host=" + this.host)).contains(id)
			.contains("recurring");
		assertThat(this.json.readTree(amtool("alert", "query", "host=" + this.host, "-o", "json"))).hasSize(1);
		amtool("silence", "expire", id);
		assertThat(amtool("silence", "query", "-q", "--expired", "host=" + this.host).strip()).isEqualTo(id);
	}

	@Test
	void amtoolReadsTheGatewaysErrorsAndImportsSilencesExportedFromAnotherAlertmanager() throws Exception {
		// The id is unknown here: amtool posts the silence again without it once the
		// answer is a 404 it can read.
		Instant now = Instant.now();
		Path exported = Files.writeString(this.temp.resolve("silences.json"), """
				[{"id":"%s","matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				  "startsAt":"%s","endsAt":"%s","createdBy":"elsewhere","comment":"migrated",
				  "status":{"state":"active"},"updatedAt":"%s"}]
				""".formatted(UUID.randomUUID(), this.host, now, now.plusSeconds(3600), now));
		amtool("silence", "import", exported.toString());
		String id = amtool("silence", "query", "-q", "host=" + this.host).strip();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(amtool("silence", "query", "-o", "extended", "host=" + this.host)).contains("migrated");
		amtool("silence", "expire", id);

		Result bad = run("alert", "query", "host=~\"(\"");
		assertThat(bad.exitCode()).isNotZero();
		assertThat(bad.stderr()).contains("bad filter").doesNotContain("no consumer");
	}

	private String amtool(String... args) throws Exception {
		Result result = run(args);
		assertThat(result.exitCode()).as("amtool %s: %s", List.of(args), result.stderr()).isZero();
		return result.stdout();
	}

	private Result run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(AMTOOL.toString(),
				"--alertmanager.url=http://127.0.0.1:" + this.port, "--http.config.file=" + this.httpConfig));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("amtool", ".out");
		Path err = Files.createTempFile("amtool", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("amtool finished").isTrue();
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
