package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that rebuilding the dispatcher's groups (here by reloads, as a takeover does)
 * while alerts are being committed loses none and notifies none twice: the rebuild reads
 * the store without holding up the commit feed and replays the commits that arrived
 * meanwhile. Every alert is a group of its own, so each must reach the real receiver
 * exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class RebuildDuringIngestIntegrationTests {

	static final int ALERTS = 200;

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: hook
			  group_by: [alertname, run]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 1h
			receivers:
			  - name: hook
			    webhook_configs: [{url: '%s'}]
			""".formatted(RECEIVER.url("/hook")));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "rebuild", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void reloadsWhileAlertsArriveLoseNoneAndRepeatNone() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < ALERTS; i++) {
				HttpResponse<String> response = http.post("/api/v2/alerts",
						"[{\"labels\":{\"alertname\":\"Rebuild-%d\",\"run\":\"%s\"}}]".formatted(i, run), Map.of());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			}
		});
		int reloads = 0;
		while (!posting.isDone() || reloads < 3) {
			assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
			reloads++;
		}
		posting.join();

		// Bounded poll: each group is notified one group_wait after its alert arrived.
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (notified(run).size() < ALERTS && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		// Time for a repeated notification to show, were there one.
		Thread.sleep(2000);
		Map<String, Long> counts = notified(run).stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(counts.keySet())
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, ALERTS).mapToObj((i) -> "Rebuild-" + i).toList());
		assertThat(counts).allSatisfy((alertname, count) -> assertThat(count).as(alertname).isEqualTo(1));
	}

	// The alert names of this run's notifications, one per notification received.
	private List<String> notified(String run) {
		return RECEIVER.received()
			.stream()
			.map((received) -> this.json.readTree(received.body()).get("groupLabels"))
			.filter((labels) -> run.equals(labels.path("run").asString()))
			.map((JsonNode labels) -> labels.get("alertname").asString())
			.toList();
	}

}
