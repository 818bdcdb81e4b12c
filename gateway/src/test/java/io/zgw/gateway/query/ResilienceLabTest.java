package io.zgw.gateway.query;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ResilienceLabTest runs the gateway against the lab's two real shards plus a shard where
 * nothing listens, with a 1 s per-shard deadline and a breaker that opens after two
 * failures; one real shard is frozen with {@code kill -STOP}. The breakers' clock is a
 * manual one, so recovery needs no waiting. Tests share breaker state and run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { GatewayHttp.ADMIN_KEY_PROPERTY, "zgw.fanout.minimum-number-of-calls=2",
				"zgw.fanout.sliding-window-size=2", "zgw.fanout.failure-rate-threshold=100",
				"zgw.fanout.wait-in-open-state=30s", "zgw.fanout.permitted-calls-in-half-open-state=1" })
@ActiveProfiles("it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceLabTest {

	private static final Duration DEADLINE = Duration.ofSeconds(1);

	/**
	 * Generous allowance over the deadline for a loaded 2-core machine; not a timing
	 * assertion.
	 */
	private static final Duration MARGIN = Duration.ofSeconds(3);

	private static final List<LabShard> LAB = LabShards.load();

	@LocalServerPort
	private int port;

	@Autowired
	private ManualClock clock;

	private GatewayHttp gateway;

	@DynamicPropertySource
	static void shards(DynamicPropertyRegistry registry) throws IOException {
		LabShards.register(registry, LAB, DEADLINE);
		int gone = LAB.size();
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("zgw.shards[" + gone + "].name", () -> "gone");
		registry.add("zgw.shards[" + gone + "].url", () -> "http://127.0.0.1:" + closedPort + "/api_jsonrpc.php");
		registry.add("zgw.shards[" + gone + "].api-token", () -> "no-such-token");
		registry.add("zgw.shards[" + gone + "].timeout", DEADLINE::toString);
	}

	@BeforeEach
	void connect() {
		this.gateway = new GatewayHttp(this.port, GatewayHttp.ADMIN_KEY);
	}

	@Test
	@Order(1)
	void stoppedShardGivesPartialResultsAndFailsFastOnceItsBreakerIsOpen() throws Exception {
		GatewayHttp.Answer first = this.gateway.get("/api/v1/problems?businessLine=gone");
		assertThat(first.status()).as(first.toString()).isEqualTo(502);
		assertThat(first.contentType()).startsWith("application/problem+json");
		assertThat(first.json().path("shards").path("gone").path("status").asString()).isEqualTo("error");
		assertThat(first.json().path("shards").path("gone").path("error").asString()).contains("cannot connect");
		assertThat(this.gateway.get("/api/v1/problems?businessLine=gone").status()).isEqualTo(502);

		GatewayHttp.Answer open = this.gateway.get("/api/v1/problems?businessLine=gone");
		assertThat(open.status()).as(open.toString()).isEqualTo(503);
		assertThat(open.json().path("shards").path("gone").path("status").asString()).isEqualTo("circuit_open");

		GatewayHttp.Answer all = this.gateway.get("/api/v1/problems");
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.json().path("partial").asBoolean()).isTrue();
		assertThat(all.json().path("shards").path("gone").path("status").asString()).isEqualTo("circuit_open");
		assertThat(all.json().path("shards").path("shop").path("status").asString()).isEqualTo("ok");
		assertThat(all.json().path("shards").path("pay").path("status").asString()).isEqualTo("ok");
		assertThat(all.json().path("data").size()).isPositive();
	}

	@Test
	@Order(2)
	void hangingShardTimesOutWithinItsDeadlineOpensItsBreakerAndRecoversWhenBack() throws Exception {
		LabShard pay = LAB.stream().filter((s) -> s.name().equals("pay")).findFirst().orElseThrow();
		try (LabShards.Hang hang = pay.hang()) {
			GatewayHttp.Answer partial = this.gateway.get("/api/v1/problems?businessLine=shop,pay");
			assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
			assertThat(partial.json().path("partial").asBoolean()).isTrue();
			assertThat(partial.json().path("shards").path("pay").path("status").asString()).isEqualTo("timeout");
			assertThat(partial.json().path("shards").path("shop").path("status").asString()).isEqualTo("ok");
			assertThat(partial.took()).isLessThan(DEADLINE.plus(MARGIN));

			GatewayHttp.Answer timedOut = this.gateway.get("/api/v1/problems?businessLine=pay");
			assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(504);
			assertThat(timedOut.json().path("shards").path("pay").path("status").asString()).isEqualTo("timeout");

			GatewayHttp.Answer open = this.gateway.get("/api/v1/problems?businessLine=shop,pay");
			assertThat(open.status()).as(open.toString()).isEqualTo(200);
			assertThat(open.json().path("shards").path("pay").path("status").asString()).isEqualTo("circuit_open");
			assertThat(open.json().path("shards").path("pay").path("latencyMs").asLong()).isZero();
			assertThat(open.took()).isLessThan(DEADLINE.plus(MARGIN));
		}

		this.clock.advance(Duration.ofSeconds(31));
		GatewayHttp.Answer recovered = this.gateway.get("/api/v1/problems?businessLine=shop,pay");
		assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
		assertThat(recovered.json().path("partial").asBoolean()).isFalse();
		assertThat(recovered.json().path("shards").path("pay").path("status").asString()).isEqualTo("ok");
		GatewayHttp.Answer shards = this.gateway.get("/api/v1/shards");
		assertThat(shards.json().path("data").get(1).path("name").asString()).isEqualTo("pay");
		assertThat(shards.json().path("data").get(1).path("breakerState").asString()).isEqualTo("closed");
		assertThat(shards.json().path("data").get(1).path("lastError").asString()).contains("circuit breaker open");
	}

	@Test
	@Order(3)
	void healthIsDegradedButAnswers200WhileOneShardIsDown() throws Exception {
		GatewayHttp.Answer health = this.gateway.get("/actuator/health");
		GatewayHttp.Answer metrics = this.gateway.get("/actuator/prometheus");

		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("DEGRADED");
		assertThat(
				health.json().path("components").path("shards").path("details").path("gone").path("status").asString())
			.isEqualTo("DOWN");
		assertThat(
				health.json().path("components").path("shards").path("details").path("shop").path("status").asString())
			.isEqualTo("UP");
		assertThat(metrics.text()).contains("zgw_shard_errors_total{kind=\"timeout\",shard=\"pay\"}")
			.contains("zgw_shard_errors_total{kind=\"circuit_open\",shard=\"gone\"}")
			.contains("zgw_shard_breaker_state{shard=\"gone\",state=\"open\"} 1.0");
	}

	/** Gives the breakers a clock the tests move by hand. */
	@TestConfiguration
	static class Clocks {

		@Bean
		ManualClock clock() {
			return new ManualClock();
		}

	}

}
