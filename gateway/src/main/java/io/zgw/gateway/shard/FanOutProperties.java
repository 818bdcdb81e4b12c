package io.zgw.gateway.shard;

import java.time.Duration;

import io.zgw.sharding.fanout.ResilienceSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * FanOutProperties binds {@code zgw.fanout}: how the gateway talks to shards (worker
 * pool, connections, bulkhead and circuit breaker), the same for every shard.
 *
 * @param threads worker threads shared by all shard calls (I/O bound, so more than cores)
 * @param connectTimeout TCP connect timeout to a shard
 * @param maxResponseBytes a shard answer larger than this fails the call
 * @param maxConcurrentCallsPerShard calls one shard may have in flight (bulkhead)
 * @param failureRateThreshold percentage of failed calls that opens a shard's breaker
 * @param slidingWindowSize recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState how long an open breaker skips its shard before probing again
 * @param permittedCallsInHalfOpenState probe calls allowed while half-open
 */
@ConfigurationProperties("zgw.fanout")
@Validated
public record FanOutProperties(@DefaultValue("32") @Min(1) int threads, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("33554432") @Positive long maxResponseBytes,
		@DefaultValue("16") @Min(1) int maxConcurrentCallsPerShard,
		@DefaultValue("50") @Positive @DecimalMax("100") float failureRateThreshold,
		@DefaultValue("10") @Min(1) int slidingWindowSize, @DefaultValue("4") @Min(1) int minimumNumberOfCalls,
		@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("2") @Min(1) int permittedCallsInHalfOpenState) {

	public FanOutProperties {
		if (minimumNumberOfCalls > slidingWindowSize) {
			throw new IllegalArgumentException("zgw.fanout.minimum-number-of-calls (" + minimumNumberOfCalls
					+ ") must not exceed zgw.fanout.sliding-window-size (" + slidingWindowSize + ")");
		}
		if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
			throw new IllegalArgumentException(
					"zgw.fanout.wait-in-open-state must be positive, got " + waitInOpenState);
		}
	}

	ResilienceSettings resilience() {
		return new ResilienceSettings(this.maxConcurrentCallsPerShard, this.failureRateThreshold,
				this.slidingWindowSize, this.minimumNumberOfCalls, this.waitInOpenState,
				this.permittedCallsInHalfOpenState);
	}

}
