package io.zgw.gateway.shard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.sharding.ShardConfig;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ResilienceSettings;
import io.zgw.sharding.zabbix.ZabbixCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link ShardsHealthIndicator}, open to anyone, calls the shards at most once
 * per {@link ShardsHealthIndicator#REUSE} however often it is asked.
 */
class ShardsHealthIndicatorTest {

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final ManualClock clock = ManualClock.atSomeMoment();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	// A shard on a closed port: every probe is a refused connection, quickly.
	private final ShardRegistry registry = new ShardRegistry(
			List.of(new ShardConfig("shop", URI.create("http://127.0.0.1:1/api_jsonrpc.php"),
					new ZabbixCredentials.ApiToken("t"), Duration.ofMillis(300), null, null)),
			new ResilienceSettings(2, 50f, 100, 100, Duration.ofSeconds(30), 1), Duration.ofSeconds(1), 1_000,
			this.clock);

	private final ShardsHealthIndicator health = new ShardsHealthIndicator(this.registry, new FanOut(this.executor,
			this.clock, (shard, method, status, latency) -> this.calls.add(shard + " " + method)), this.clock);

	@AfterEach
	void close() {
		this.registry.close();
		this.executor.shutdownNow();
	}

	@Test
	void aProbesAnswerServesEveryRequestUntilItIsFiveSecondsOld() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		}
		assertThat(this.calls).containsExactly("shop hostgroup.get");
		this.clock.advance(ShardsHealthIndicator.REUSE.minusMillis(1));
		this.health.health();
		assertThat(this.calls).hasSize(1);
		this.clock.advance(Duration.ofMillis(1));
		this.health.health();
		assertThat(this.calls).hasSize(2);
	}

}
