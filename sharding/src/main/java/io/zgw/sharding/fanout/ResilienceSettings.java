package io.zgw.sharding.fanout;

import java.time.Duration;

/**
 * ResilienceSettings configure each shard's bulkhead and circuit breaker.
 *
 * @param maxConcurrentCalls calls one shard may have in flight before more are rejected
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState how long an open breaker rejects calls before probing again
 * @param permittedCallsInHalfOpenState probe calls allowed while half-open
 */
public record ResilienceSettings(int maxConcurrentCalls, float failureRateThreshold, int slidingWindowSize,
		int minimumNumberOfCalls, Duration waitInOpenState, int permittedCallsInHalfOpenState) {

	public ResilienceSettings {
		if (maxConcurrentCalls < 1) {
			throw new IllegalArgumentException("maxConcurrentCalls must be >= 1, got " + maxConcurrentCalls);
		}
		if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
			throw new IllegalArgumentException("failureRateThreshold must be in (0, 100], got " + failureRateThreshold);
		}
		if (minimumNumberOfCalls < 1 || slidingWindowSize < minimumNumberOfCalls) {
			throw new IllegalArgumentException("need 1 <= minimumNumberOfCalls <= slidingWindowSize, got "
					+ minimumNumberOfCalls + " and " + slidingWindowSize);
		}
		if (waitInOpenState == null || waitInOpenState.isNegative() || waitInOpenState.isZero()) {
			throw new IllegalArgumentException("waitInOpenState must be positive, got " + waitInOpenState);
		}
		if (permittedCallsInHalfOpenState < 1) {
			throw new IllegalArgumentException(
					"permittedCallsInHalfOpenState must be >= 1, got " + permittedCallsInHalfOpenState);
		}
	}

}
