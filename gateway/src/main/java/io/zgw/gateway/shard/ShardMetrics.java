package io.zgw.gateway.shard;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zgw.sharding.Shard;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOutListener;
import io.zgw.sharding.fanout.ShardStatus;

/**
 * ShardMetrics records every shard call in Micrometer and exposes each shard's breaker
 * state; names are in {@link ZgwMetrics}.
 */
class ShardMetrics implements FanOutListener {

	/**
	 * Few fixed buckets rather than Micrometer's ~70: shards x methods x outcomes
	 * multiply.
	 */
	private static final Duration[] LATENCY_BUCKETS = Stream
		.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000)
		.map(Duration::ofMillis)
		.toArray(Duration[]::new);

	private final MeterRegistry registry;

	ShardMetrics(MeterRegistry registry, ShardRegistry shards) {
		this.registry = registry;
		for (Shard shard : shards.shards()) {
			for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
				Gauge.builder(ZgwMetrics.SHARD_BREAKER_STATE, shard.breaker(), (b) -> (b.getState() == state) ? 1 : 0)
					.description("1 for the shard breaker's current state")
					.tag(ZgwMetrics.TAG_SHARD, shard.name())
					.tag(ZgwMetrics.TAG_STATE, state.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
		}
	}

	@Override
	public void onCall(String shard, String method, ShardStatus status, Duration latency) {
		Counter.builder(ZgwMetrics.SHARD_CALLS)
			.description("Calls from the gateway to Zabbix shards")
			.tag(ZgwMetrics.TAG_SHARD, shard)
			.tag(ZgwMetrics.TAG_METHOD, method)
			.tag(ZgwMetrics.TAG_OUTCOME, status.label())
			.register(this.registry)
			.increment();
		Timer.builder(ZgwMetrics.SHARD_CALL_LATENCY)
			.description("Latency of calls from the gateway to Zabbix shards")
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.tag(ZgwMetrics.TAG_SHARD, shard)
			.tag(ZgwMetrics.TAG_METHOD, method)
			.tag(ZgwMetrics.TAG_OUTCOME, status.label())
			.register(this.registry)
			.record(latency);
		if (status != ShardStatus.OK) {
			Counter.builder(ZgwMetrics.SHARD_ERRORS)
				.description("Failed calls to Zabbix shards by kind")
				.tag(ZgwMetrics.TAG_SHARD, shard)
				.tag(ZgwMetrics.TAG_KIND, status.label())
				.register(this.registry)
				.increment();
		}
	}

}
