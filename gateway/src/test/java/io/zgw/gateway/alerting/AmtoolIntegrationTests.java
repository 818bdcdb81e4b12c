package io.zgw.gateway.alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.zgw.gateway.testsupport.Amtool;
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

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	String host;

	@TempDir
	Path temp;

	Amtool amtool;

	@BeforeEach
	void setUp() throws IOException {
		this.host = "amtool-" + UUID.randomUUID();
		this.amtool = new Amtool(this.port, AlertingTestSupport.ADMIN_KEY, this.temp);
		new AlertingTestSupport(this.port).post("/api/v2/alerts", """
				[{"labels":{"alertname":"AmtoolSees","host":"%s","business_line":"shop"}}]
				""".formatted(this.host), Map.of());
	}

	@Test
	void amtoolQueriesAlertsAndAddsQueriesAndExpiresSilences() throws Exception {
		JsonNode alerts = this.json.readTree(this.amtool.run("alert", "query", "host=" + this.host, "-o", "json"));
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).get("labels").get("alertname").asString()).isEqualTo("AmtoolSees");

		String id = this.amtool
			.run("silence", "add", "host=" + this.host, "--comment=maintenance", "--author=tester", "--duration=1h")
			.strip();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(this.amtool.run("silence", "query", "-q", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(this.json.readTree(this.amtool.run("alert", "query", "host=" + this.host, "-o", "json"))).isEmpty();
		JsonNode silenced = this.json
			.readTree(this.amtool.run("alert", "query", "--silenced", "host=" + this.host, "-o", "json"));
		assertThat(silenced.get(0).get("status").get("silencedBy").get(0).asString()).isEqualTo(id);

		this.amtool.run("silence", "expire", id);
		assertThat(this.amtool.run("silence", "query", "-q", "host=" + this.host).strip()).isEmpty();
		assertThat(this.amtool.run("silence", "query", "-q", "--expired", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(this.json.readTree(this.amtool.run("alert", "query", "host=" + this.host, "-o", "json"))).hasSize(1);
	}

	@Test
	void amtoolListsAndExpiresARecurringSilenceIgnoringItsSchedule() throws Exception {
		// A window in 2001 never contains now: the silence is active but mutes nothing.
		String id = new AlertingTestSupport(this.port).createSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"tester","comment":"recurring",
				 "zgwSchedule":{"timeIntervals":[{"years":["2001"]}]}}
				""".formatted(this.host, Instant.now(), Instant.now().plusSeconds(3600)));
		assertThat(this.amtool.run("silence", "query", "-q", "host=" + this.host).strip()).isEqualTo(id);
		assertThat(this.amtool.run("silence", "query", "-o", "extended", "host=" + this.host)).contains(id)
			.contains("recurring");
		assertThat(this.json.readTree(this.amtool.run("alert", "query", "host=" + this.host, "-o", "json"))).hasSize(1);
		// amtool sends back only the fields it knows: the schedule stays, and so the id
		// (amtool 0.25's -q prints a pointer, not the id).
		this.amtool.run("silence", "update", "--duration=2h", id);
		assertThat(this.amtool.run("silence", "query", "-q", "host=" + this.host).strip()).isEqualTo(id);
		JsonNode updated = this.json.readTree(new AlertingTestSupport(this.port).get("/api/v2/silence/" + id).body());
		assertThat(updated.get("zgwSchedule").get("timeIntervals")).hasSize(1);
		assertThat(Duration.between(Instant.parse(updated.get("startsAt").asString()),
				Instant.parse(updated.get("endsAt").asString())))
			.isEqualTo(Duration.ofHours(2));
		assertThat(this.json.readTree(this.amtool.run("alert", "query", "host=" + this.host, "-o", "json"))).hasSize(1);
		this.amtool.run("silence", "expire", id);
		assertThat(this.amtool.run("silence", "query", "-q", "--expired", "host=" + this.host).strip()).isEqualTo(id);
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
		this.amtool.run("silence", "import", exported.toString());
		String id = this.amtool.run("silence", "query", "-q", "host=" + this.host).strip();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(this.amtool.run("silence", "query", "-o", "extended", "host=" + this.host)).contains("migrated");
		this.amtool.run("silence", "expire", id);

		Amtool.Result bad = this.amtool.attempt("alert", "query", "host=~\"(\"");
		assertThat(bad.exitCode()).isNotZero();
		assertThat(bad.stderr()).contains("bad filter").doesNotContain("no consumer");
	}

}
