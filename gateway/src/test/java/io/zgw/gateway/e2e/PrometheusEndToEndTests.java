package io.zgw.gateway.e2e;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.testsupport.PrometheusProcess;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.RoutingFiles;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus end to end: the real Prometheus 2.42 binary evaluates an always-firing rule
 * every second and sends the alert to the gateway as its Alertmanager (API v2, bearer
 * key); the gateway stores it and notifies a real webhook receiver as its routing file
 * says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zgw.security.bootstrap-admin-key=" + PrometheusEndToEndTests.KEY)
@ActiveProfiles("it")
class PrometheusEndToEndTests {

	static final String KEY = "e2e-prometheus-admin-key-01234567";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RecordingReceiver RECEIVER = new RecordingReceiver();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		E2e.useDatabase(registry, "prometheus");
		registry.add("zgw.alerting.routing-config-file",
				() -> RoutingFiles.webhook("e2e-prometheus", RECEIVER.url("/prometheus")));
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void alwaysFiringRuleOfRealPrometheusIsStoredAndNotifiedPerRoutingFile() throws Exception {
		String run = UUID.randomUUID().toString();
		String rules = """
				groups:
				  - name: e2e
				    rules:
				      - alert: E2eAlwaysFiring
				        expr: vector(1)
				        labels:
				          business_line: shop
				          severity: warning
				          run: '%s'
				        annotations:
				          summary: always firing
				""".formatted(run);
		AlertingTestSupport gateway = new AlertingTestSupport(this.port, KEY);
		try (PrometheusProcess prometheus = PrometheusProcess.alerting(rules, "127.0.0.1:" + this.port, KEY)) {
			List<JsonNode> stored = new ArrayList<>();
			Awaitility.await("Prometheus's alert in zgw")
				.atMost(E2e.DELIVERY)
				.pollInterval(Duration.ofMillis(500))
				.failFast("Prometheus exited", () -> !prometheus.isAlive())
				.until(() -> {
					stored.clear();
					stored.addAll(alertsOfRun(gateway, run));
					return !stored.isEmpty();
				});
			assertThat(stored).as(prometheus::logText).hasSize(1);
			JsonNode alert = stored.get(0);
			assertThat(alert.path("labels").path("alertname").asString()).isEqualTo("E2eAlwaysFiring");
			assertThat(alert.path("labels").path("business_line").asString()).isEqualTo("shop");
			assertThat(alert.path("annotations").path("summary").asString()).isEqualTo("always firing");
			assertThat(alert.path("generatorURL").asString()).startsWith(prometheus.url());
			assertThat(alert.path("status").path("state").asString()).isEqualTo("active");
			assertThat(alert.path("receivers").path(0).path("name").asString()).isEqualTo("e2e-prometheus");
			String fingerprint = alert.path("fingerprint").asString();
			HttpResponse<String> groups = gateway.get(
					"/api/v2/alerts/groups?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8));
			assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
			JsonNode group = JSON.readTree(groups.body()).path(0);
			assertThat(JSON.readTree(groups.body())).hasSize(1);
			assertThat(group.path("labels").path("alertname").asString()).isEqualTo("E2eAlwaysFiring");
			assertThat(group.path("labels").path("business_line").asString()).isEqualTo("shop");
			assertThat(group.path("receiver").path("name").asString()).isEqualTo("e2e-prometheus");
			assertThat(group.path("alerts").path(0).path("fingerprint").asString()).isEqualTo(fingerprint);

			List<RecordingReceiver.Received> notified = RECEIVER.awaitMatching(1, (r) -> r.body().contains(fingerprint),
					E2e.DELIVERY);
			assertThat(notified).as("notification of the Prometheus alert").isNotEmpty();
			JsonNode notification = JSON.readTree(notified.get(0).body());
			assertThat(notified.get(0).path()).isEqualTo("/prometheus");
			assertThat(notification.path("receiver").asString()).isEqualTo("e2e-prometheus");
			assertThat(notification.path("status").asString()).isEqualTo("firing");
			assertThat(notification.path("groupLabels").path("alertname").asString()).isEqualTo("E2eAlwaysFiring");
			assertThat(notification.path("groupLabels").path("business_line").asString()).isEqualTo("shop");
			assertThat(notification.path("alerts")).hasSize(1);
			assertThat(notification.path("alerts").path(0).path("fingerprint").asString()).isEqualTo(fingerprint);
			assertThat(notification.path("alerts").path(0).path("labels").path("run").asString()).isEqualTo(run);
		}
	}

	private static List<JsonNode> alertsOfRun(AlertingTestSupport gateway, String run) {
		HttpResponse<String> response = gateway
			.get("/api/v2/alerts?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false).toList();
	}

}
