package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.AlertReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests {@code GET /api/v1/alerts/history} against the real MariaDB: an alert's recorded
 * state changes by its label fingerprint, within the caller's business lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class AlertHistoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	AlertReader reader;

	AlertingTestSupport admin;

	String run;

	String fingerprint;

	Instant startsAt;

	@BeforeEach
	void setUp() {
		this.admin = new AlertingTestSupport(this.port);
		this.run = UUID.randomUUID().toString();
		this.fingerprint = LabelSet.of(Map.of("alertname", "HistoryProbe", "run", this.run, "business_line", "shop"))
			.fingerprintHex();
		this.startsAt = Instant.now().minusSeconds(60);
	}

	@Test
	void historyListsEveryStateChangeOfTheAlertOldestFirst() {
		post(null);
		post(Instant.now().minusSeconds(1));
		post(null);

		JsonNode body = history("", AlertingTestSupport.ADMIN_KEY, 200);
		assertThat(body.get("fingerprint").asString()).isEqualTo(this.fingerprint);
		JsonNode alert = body.get("alerts").get(0);
		assertThat(body.get("alerts")).hasSize(1);
		assertThat(alert.get("key").asString()).isEqualTo(AlertingTestSupport
			.key(LabelSet.of(Map.of("alertname", "HistoryProbe", "run", this.run, "business_line", "shop"))));
		assertThat(alert.get("status").asString()).isEqualTo("firing");
		assertThat(alert.get("labels").get("run").asString()).isEqualTo(this.run);
		assertThat(alert.get("history").valueStream().map((change) -> change.get("kind").asString()))
			.containsExactly("created", "resolved", "refired");
		assertThat(alert.get("history").get(0).get("source").asString()).isEqualTo("alertmanager");
		assertThat(alert.get("historyTruncated").asBoolean()).isFalse();

		JsonNode latest = history("&limit=1", AlertingTestSupport.ADMIN_KEY, 200).get("alerts").get(0);
		assertThat(latest.get("history").valueStream().map((change) -> change.get("kind").asString()))
			.containsExactly("refired");
		assertThat(latest.get("historyTruncated").asBoolean()).isTrue();
	}

	@Test
	void aFiringZabbixProblemIsListedWithoutAnEnd() {
		long eventId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		HttpResponse<String> sent = this.admin.post("/api/v1/zabbix/events",
				ZabbixWebhookIntegrationTests.problem("shop", eventId), EscalationIntegrationTests.SHOP);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		String key = "zabbix:shop:" + eventId;
		this.fingerprint = this.reader.find(key).orElseThrow().fingerprint();

		JsonNode alert = history("", AlertingTestSupport.ADMIN_KEY, 200).get("alerts")
			.valueStream()
			.filter((a) -> key.equals(a.get("key").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(alert.get("status").asString()).isEqualTo("firing");
		assertThat(alert.get("endsAt").isNull()).isTrue();
		assertThat(alert.get("source").asString()).isEqualTo("zabbix");
	}

	@Test
	void keysOfOtherBusinessLinesGetNotFoundAsForAnUnknownAlert() {
		post(null);
		assertThat(history("", this.admin.createKey("viewer", "[\"shop\"]"), 200).get("alerts")).hasSize(1);
		JsonNode hidden = history("", this.admin.createKey("viewer", "[\"pay\"]"), 404);
		assertThat(hidden.get("detail").asString()).contains(this.fingerprint);
		this.fingerprint = "0123456789abcdef";
		history("", AlertingTestSupport.ADMIN_KEY, 404);
	}

	@Test
	void badParametersAreRejectedNamingThem() {
		for (String bad : new String[] { "", "xyz", "0123456789ABCDEF", "0123456789abcdef0" }) {
			HttpResponse<String> response = this.admin.get("/api/v1/alerts/history?fingerprint=" + bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(this.json.readTree(response.body()).get("parameter").asString()).isEqualTo("fingerprint");
		}
		assertThat(this.json.readTree(this.admin.get("/api/v1/alerts/history").body()).get("parameter").asString())
			.isEqualTo("fingerprint");
		for (String limit : new String[] { "0", "10001" }) {
			HttpResponse<String> response = this.admin
				.get("/api/v1/alerts/history?fingerprint=0123456789abcdef&limit=" + limit);
			assertThat(response.statusCode()).as(limit).isEqualTo(400);
			assertThat(this.json.readTree(response.body()).get("parameter").asString()).isEqualTo("limit");
		}
	}

	private void post(@Nullable Instant endsAt) {
		String ends = (endsAt != null) ? ",\"endsAt\":\"" + endsAt + "\"" : "";
		HttpResponse<String> response = this.admin.post("/api/v2/alerts", """
				[{"labels":{"alertname":"HistoryProbe","run":"%s","business_line":"shop"},"startsAt":"%s"%s}]
				""".formatted(this.run, this.startsAt, ends), Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private JsonNode history(String query, String key, int status) {
		HttpResponse<String> response = new AlertingTestSupport(this.port, key)
			.get("/api/v1/alerts/history?fingerprint=" + this.fingerprint + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

}
