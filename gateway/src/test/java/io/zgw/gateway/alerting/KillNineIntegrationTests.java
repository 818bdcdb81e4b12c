package io.zgw.gateway.alerting;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.testsupport.AlertmanagerProcess;
import io.zgw.gateway.testsupport.GatewayProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the gateway as a separate JVM, fires alerts at it, kills it with SIGKILL
 * mid-stream, restarts it, and checks that every alert that got a 200 is there.
 */
class KillNineIntegrationTests {

	private static final List<String> ARGUMENTS = List.of("--spring.profiles.include=alerting-it");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyAlertAcknowledgedBeforeKillNineSurvives() throws Exception {
		String run = UUID.randomUUID().toString();
		int port = AlertmanagerProcess.freePort();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		try (GatewayProcess gateway = GatewayProcess.start(port, ARGUMENTS)) {
			AlertingTestSupport http = new AlertingTestSupport(port);
			AtomicBoolean firing = new AtomicBoolean(true);
			CountDownLatch enough = new CountDownLatch(1500);
			ExecutorService senders = Executors.newFixedThreadPool(8);
			for (int t = 0; t < 8; t++) {
				int thread = t;
				senders.submit(() -> {
					for (int i = 0; firing.get(); i++) {
						String host = "k9-" + thread + "-" + i;
						String body = "[{\"labels\":{\"alertname\":\"KillNine\",\"run\":\"%s\",\"host\":\"%s\"}}]"
							.formatted(run, host);
						try {
							if (http.post("/api/v2/alerts", body, Map.of()).statusCode() == 200) {
								acknowledged.add(LabelSet.of(Map.of("alertname", "KillNine", "run", run, "host", host))
									.fingerprintHex());
								enough.countDown();
							}
						}
						catch (RuntimeException ex) {
							// Connection reset by the kill: not acknowledged, may or
							// may not be stored.
						}
					}
				});
			}
			// Kill mid-stream: after 1,500 acknowledgements (or 20 s),
			// senders still busy.
			enough.await(20, TimeUnit.SECONDS);
			gateway.kill();
			firing.set(false);
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(acknowledged).hasSizeGreaterThan(100);
		try (GatewayProcess restarted = GatewayProcess.start(port, ARGUMENTS)) {
			AlertingTestSupport http = new AlertingTestSupport(port);
			HttpResponse<String> response = http
				.get("/api/v2/alerts?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			Set<String> stored = new HashSet<>();
			for (JsonNode alert : this.json.readTree(response.body())) {
				stored.add(alert.get("fingerprint").asString());
			}
			assertThat(stored).containsAll(acknowledged);
		}
	}

}
