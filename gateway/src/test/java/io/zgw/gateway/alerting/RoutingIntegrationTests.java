package io.zgw.gateway.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.testsupport.Amtool;
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
 * Tests that the Alertmanager API applies the routing file: receivers from the routing
 * tree, inhibit rules, and the file shown by the status API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zgw.alerting.routing-config-file=src/test/resources/alerting/alertmanager.yml")
@ActiveProfiles({ "it", "alerting-it" })
class RoutingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void alertsCarryTheirRoutedReceiversAndCanBeFilteredByReceiver() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Routed","run":"%s","business_line":"pay"}},
				 {"labels":{"alertname":"Routed","run":"%s","business_line":"shop"}}]
				""".formatted(run, run), Map.of());
		JsonNode all = query(http, "filter=" + enc("run=\"" + run + "\""));
		assertThat(all).hasSize(2);
		for (JsonNode alert : all) {
			String expected = alert.get("labels").get("business_line").asString().equals("pay") ? "pay-team" : "ops";
			assertThat(alert.get("receivers").get(0).get("name").asString()).isEqualTo(expected);
		}
		JsonNode pay = query(http, "filter=" + enc("run=\"" + run + "\"") + "&receiver=pay-team");
		assertThat(pay).hasSize(1);
		assertThat(pay.get(0).get("labels").get("business_line").asString()).isEqualTo("pay");
	}

	@Test
	void alertGroupsFollowRoutesAndGroupBy() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Grouped","run":"%s","business_line":"pay","host":"a"}},
				 {"labels":{"alertname":"Grouped","run":"%s","business_line":"pay","host":"b"}},
				 {"labels":{"alertname":"Grouped","run":"%s","business_line":"shop"}}]
				""".formatted(run, run, run), Map.of());
		JsonNode groups = this.json
			.readTree(http.get("/api/v2/alerts/groups?filter=" + enc("run=\"" + run + "\"")).body());
		assertThat(groups).hasSize(2);
		for (JsonNode group : groups) {
			assertThat(group.get("labels").get("alertname").asString()).isEqualTo("Grouped");
			boolean pay = group.get("receiver").get("name").asString().equals("pay-team");
			assertThat(group.get("alerts")).hasSize(pay ? 2 : 1);
		}
	}

	@Test
	void alertGroupsAreFilteredByTheirOwnReceiverAndOrderedAsAlertmanagerOrdersThem() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Copied","run":"%s","business_line":"pay","copy":"ops"}}]
				""".formatted(run), Map.of());
		String filter = "filter=" + enc("run=\"" + run + "\"");
		JsonNode all = this.json.readTree(http.get("/api/v2/alerts/groups?" + filter).body());
		assertThat(all).extracting((group) -> group.get("receiver").get("name").asString())
			.containsExactly("ops", "pay-team");
		assertThat(all.get(1).get("alerts").get(0).get("receivers").toString())
			.isEqualTo("[{\"name\":\"ops\"},{\"name\":\"pay-team\"}]");
		JsonNode ops = this.json.readTree(http.get("/api/v2/alerts/groups?" + filter + "&receiver=ops").body());
		assertThat(ops).singleElement()
			.satisfies((group) -> assertThat(group.get("receiver").get("name").asString()).isEqualTo("ops"));
		assertThat(ops.get(0).get("alerts").get(0).get("receivers").toString()).isEqualTo("[{\"name\":\"ops\"}]");
		// /api/v2/alerts keeps the alert's receivers in tree order.
		assertThat(query(http, filter).get(0).get("receivers").toString())
			.isEqualTo("[{\"name\":\"pay-team\"},{\"name\":\"ops\"}]");
	}

	@Test
	void twoRoutesAlikeMakeTwoGroupsAndListTheirReceiverTwiceAsAlertmanagerDoes() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Twice","run":"%s","twice":"yes"}}]
				""".formatted(run), Map.of());
		String filter = "filter=" + enc("run=\"" + run + "\"");
		JsonNode groups = this.json.readTree(http.get("/api/v2/alerts/groups?" + filter).body());
		assertThat(groups).hasSize(2).allSatisfy((group) -> {
			assertThat(group.get("receiver").get("name").asString()).isEqualTo("ops");
			assertThat(group.get("alerts")).singleElement()
				.satisfies((alert) -> assertThat(alert.get("receivers").toString())
					.isEqualTo("[{\"name\":\"ops\"},{\"name\":\"ops\"}]"));
		});
		assertThat(query(http, filter).get(0).get("receivers").toString())
			.isEqualTo("[{\"name\":\"ops\"},{\"name\":\"ops\"}]");
	}

	@Test
	void criticalAlertInhibitsWarningOnTheSameHost() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String host = "inhibit-" + UUID.randomUUID();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Down","host":"%s","severity":"critical"}},
				 {"labels":{"alertname":"Slow","host":"%s","severity":"warning"}}]
				""".formatted(host, host), Map.of());
		String critical = LabelSet.of(Map.of("alertname", "Down", "host", host, "severity", "critical"))
			.fingerprintHex();
		JsonNode alerts = query(http,
				"filter=" + enc("host=\"" + host + "\"") + "&filter=" + enc("alertname=\"Slow\""));
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).get("status").get("state").asString()).isEqualTo("suppressed");
		assertThat(alerts.get(0).get("status").get("inhibitedBy").get(0).asString()).isEqualTo(critical);
		assertThat(query(http, "filter=" + enc("host=\"" + host + "\"") + "&inhibited=false")).hasSize(1);
	}

	@Test
	void alertPostedWithoutEndsAtFiresForTheFilesResolveTimeout() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"NoEnd","run":"%s"},"startsAt":"2030-01-01T00:00:00Z"}]
				""".formatted(run), Map.of());
		JsonNode alert = query(http, "filter=" + enc("run=\"" + run + "\"")).get(0);
		// global.resolve_timeout 17m wins over zgw.alerting.resolve-timeout (5m).
		assertThat(alert.get("endsAt").asString()).isEqualTo("2030-01-01T00:17:00.000Z");
	}

	@Test
	void statusShowsTheRoutingFileAndReceiversListsItsReceivers() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		assertThat(this.json.readTree(http.get("/api/v2/status").body()).get("config").get("original").asString())
			.contains("pay-team", "smtp_auth_password: \"<secret>\"", "url: \"http://<secret>/\"")
			.doesNotContain("n0t-for-viewers");
		assertThat(http.get("/api/v2/receivers").body())
			.isEqualTo("[{\"name\":\"pay-team\"},{\"name\":\"ops\"},{\"name\":\"archive\"}]");
	}

	@Test
	void amtoolReadsTheRoutingTreeFromTheStatusApi(@TempDir Path temp) throws Exception {
		// Alertmanager 0.25's loader refused the webhook URL shown as "<secret>".
		Amtool amtool = new Amtool(this.port, AlertingTestSupport.ADMIN_KEY, temp);
		assertThat(amtool.run("config", "routes", "show")).contains("ops").contains("pay-team");
		assertThat(amtool.run("config", "routes", "test", "business_line=pay").strip()).isEqualTo("pay-team");
	}

	private JsonNode query(AlertingTestSupport http, String query) {
		return this.json.readTree(http.get("/api/v2/alerts?" + query).body());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
