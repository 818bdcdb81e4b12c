package io.zgw.gateway.alerting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.notify.NotifyMetrics;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests a receiver's {@code rate_limit} (zgw extension) in the running gateway: a storm
 * of groups reaches the webhook at the limit, the rest is held and counted, and a reload
 * (which rebuilds the dispatcher) does not grant a fresh budget: the sends already in the
 * outbox still count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s", "zgw.alerting.dispatch.reload-poll=0s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class RateLimitIntegrationTests {

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	// A receiver of this run's own: the outbox rows of an earlier run in the same
	// database would count against its rate limit.
	static final String PAGER = "pager-" + UUID.randomUUID();

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: %s
			  group_by: [alertname]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 1h
			receivers:
			  - name: %s
			    rate_limit: {max: 2, per: 1h}
			    webhook_configs: [{url: '%s'}]
			""".formatted(PAGER, PAGER, RECEIVER.url("/pager")));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "ratelimit", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aStormReachesTheReceiverAtItsLimitAndAReloadGrantsNoFreshBudget() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		for (String name : List.of("StormA", "StormB", "StormC")) {
			assertThat(http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"" + name + "\"}}]", Map.of())
				.statusCode()).isEqualTo(200);
		}
		assertThat(RECEIVER.awaitMatching(2, (r) -> r.body().contains("Storm"), Duration.ofSeconds(10))).hasSize(2);
		// The third group is held at every flush (group_interval 1 s) and counted.
		awaitAtLeast(this::held, 2);
		assertThat(RECEIVER.received()).hasSize(2);

		// A reload rebuilds the dispatcher; the two sends in the outbox still fill the
		// hour's budget, so neither the held group nor a new one is sent.
		assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
		http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"StormD\"}}]", Map.of());
		double before = held();
		awaitAtLeast(this::held, before + 4);
		assertThat(RECEIVER.received()).as("sent after the reload").hasSize(2);
	}

	private double held() {
		Counter counter = this.meters.find(NotifyMetrics.RATE_LIMITED)
			.tag(NotifyMetrics.TAG_RECEIVER, PAGER)
			.tag(NotifyMetrics.TAG_INTEGRATION, "webhook")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	// Bounded poll: the dispatcher flushes on its own thread.
	private static void awaitAtLeast(DoubleSupplier value, double atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (value.getAsDouble() < atLeast && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(value.getAsDouble()).isGreaterThanOrEqualTo(atLeast);
	}

}
