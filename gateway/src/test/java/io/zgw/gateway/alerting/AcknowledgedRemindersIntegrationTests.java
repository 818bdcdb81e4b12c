package io.zgw.gateway.alerting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * Tests a route's {@code repeat_acknowledged: false} (zgw extension) in the running
 * gateway: a Zabbix problem is reminded of every repeat_interval until the shard's
 * webhook says it was acknowledged, and then no more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class AcknowledgedRemindersIntegrationTests {

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: oncall
			  group_by: [host]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 2s
			  repeat_acknowledged: false
			receivers:
			  - name: oncall
			    webhook_configs: [{url: '%s'}]
			""".formatted(RECEIVER.url("/oncall")));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "acked", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Test
	void remindersOfAZabbixProblemStopOnceItIsAcknowledged() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		// A host of this run's own: its group is new whatever earlier runs stored.
		String host = "web-" + UUID.randomUUID();
		String problem = ZabbixWebhookIntegrationTests
			.problem("shop", ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2))
			.replace("\"host_host\":\"web01\"", "\"host_host\":\"" + host + "\"");
		Map<String, String> shop = Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret");
		assertThat(http.post("/api/v1/zabbix/events", problem, shop).statusCode()).isEqualTo(200);
		// The first notification and a reminder repeat_interval (2 s) later.
		assertThat(RECEIVER.awaitMatching(2, (r) -> r.body().contains(host), Duration.ofSeconds(15))).hasSize(2);

		String acknowledgement = ZabbixWebhookIntegrationTests.acknowledgement(problem);
		assertThat(http.post("/api/v1/zabbix/events", acknowledgement, shop).statusCode()).isEqualTo(200);
		long before = notified(host);
		// Three repeat intervals: reminders would have come.
		Thread.sleep(6000);
		assertThat(notified(host)).as("notifications after the acknowledgement").isLessThanOrEqualTo(before + 1);
		long settled = notified(host);
		Thread.sleep(6000);
		assertThat(notified(host)).isEqualTo(settled);
	}

	private static long notified(String host) {
		return RECEIVER.received().stream().filter((r) -> r.body().contains(host)).count();
	}

}
