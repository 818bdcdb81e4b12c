package io.zgw.gateway.shard;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ShardConfiguration wires the shard registry, the fan-out with its worker pool, shard
 * metrics and the shard health indicator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ShardsProperties.class, FanOutProperties.class })
class ShardConfiguration {

	@Bean(destroyMethod = "close")
	ShardRegistry shardRegistry(ShardsProperties shards, FanOutProperties fanOut, ObjectProvider<Clock> clock) {
		return new ShardRegistry(shards.toConfigs(), fanOut.resilience(), fanOut.connectTimeout(),
				fanOut.maxResponseBytes(), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean(destroyMethod = "close")
	FanOutExecutor fanOutExecutor(FanOutProperties fanOut) {
		return new FanOutExecutor(fanOut.threads());
	}

	@Bean
	ShardMetrics shardMetrics(MeterRegistry meters, ShardRegistry registry) {
		return new ShardMetrics(meters, registry);
	}

	@Bean
	FanOut fanOut(FanOutExecutor executor, ShardMetrics metrics, ObjectProvider<Clock> clock) {
		return new FanOut(executor.executor(), clock.getIfAvailable(Clock::systemUTC), metrics);
	}

	@Bean
	ShardsHealthIndicator shardsHealthIndicator(ShardRegistry registry, FanOut fanOut, ObjectProvider<Clock> clock) {
		return new ShardsHealthIndicator(registry, fanOut, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Orders DEGRADED between DOWN and UP, so one dead shard degrades but does not fail
	 * health.
	 */
	@Bean
	StatusAggregator healthStatusAggregator() {
		return new SimpleStatusAggregator(Status.DOWN, Status.OUT_OF_SERVICE, ShardsHealthIndicator.DEGRADED, Status.UP,
				Status.UNKNOWN);
	}

	/** Maps DEGRADED to HTTP 200: the gateway still answers, with partial results. */
	@Bean
	HttpCodeStatusMapper healthHttpCodeStatusMapper() {
		return new SimpleHttpCodeStatusMapper(Map.of(Status.DOWN.getCode(), 503, Status.OUT_OF_SERVICE.getCode(), 503,
				ShardsHealthIndicator.DEGRADED.getCode(), 200));
	}

	/**
	 * Sees the business lines of the request's API key; a request without one sees none.
	 */
	@Bean
	VisibleBusinessLines visibleBusinessLines() {
		return (request, businessLine) -> request.getAttribute(ApiPrincipal.ATTRIBUTE) instanceof ApiPrincipal principal
				&& principal.canSee(businessLine);
	}

	@Bean
	ShardWarmUp shardWarmUp(ShardRegistry registry, FanOutExecutor executor) {
		return new ShardWarmUp(registry, executor);
	}

}
