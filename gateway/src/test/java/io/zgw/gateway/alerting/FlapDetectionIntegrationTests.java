package io.zgw.gateway.alerting;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests a route's {@code flap_detection} (zgw extension) in the running gateway: an
 * Alertmanager-API alert that starts firing a third time within the window is notified as
 * flapping, also across a reload, and its resolution waits for the calm period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s", "zgw.alerting.dispatch.reload-poll=0s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class FlapDetectionIntegrationTests {

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: dba
			  group_by: [alertname]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 1h
			  flap_detection: {starts: 3, within: 10m, calm: 6s}
			receivers:
			  - {name: dba, webhook_configs: [{url: '%s'}]}
			""".formatted(RECEIVER.url("/dba")));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "flap", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Test
	void theThirdStartIsNotifiedAsFlappingAcrossAReloadAndItsResolutionWaits() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String name = "Flappy" + UUID.randomUUID().toString().replace("-", "");
		for (int start = 1; start <= 3; start++) {
			if (start == 3) {
				// The rebuilt dispatcher reads only the alert's latest start from the
				// store; the earlier one is carried over.
				assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
			}
			post(http, name, "\"startsAt\":\"" + Instant.now() + "\"");
			List<RecordingReceiver.Received> firing = RECEIVER.awaitMatching(start * 2 - 1,
					(r) -> r.body().contains(name), Duration.ofSeconds(10));
			String message = firing.get(firing.size() - 1).body();
			assertThat(message).contains("\"status\":\"firing\"");
			if (start < 3) {
				assertThat(message).doesNotContain("\"flapping\"");
				post(http, name, "\"endsAt\":\"" + Instant.now() + "\"");
				assertThat(RECEIVER.awaitMatching(start * 2, (r) -> r.body().contains(name), Duration.ofSeconds(10))
					.get(start * 2 - 1)
					.body()).contains("\"status\":\"resolved\"");
				Thread.sleep(50);
			}
			else {
				assertThat(message).contains("\"flapping\":\"true\"");
			}
		}
		Instant resolved = Instant.now();
		post(http, name, "\"endsAt\":\"" + resolved + "\"");
		Thread.sleep(3000);
		assertThat(notified(name)).as("resolution before the calm period").isEqualTo(5);
		assertThat(RECEIVER.awaitMatching(6, (r) -> r.body().contains(name), Duration.ofSeconds(15)).get(5).body())
			.contains("\"status\":\"resolved\"");
		assertThat(Duration.between(resolved, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
	}

	private static void post(AlertingTestSupport http, String name, String times) {
		assertThat(
				http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"" + name + "\"}," + times + "}]", Map.of())
					.statusCode())
			.isEqualTo(200);
	}

	private static long notified(String name) {
		return RECEIVER.received().stream().filter((r) -> r.body().contains(name)).count();
	}

}
