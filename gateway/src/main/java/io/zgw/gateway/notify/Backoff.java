package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Backoff computes the wait before the next attempt: exponential from {@code initial} by
 * {@code multiplier}, capped at {@code max}, then shortened by a random part of up to
 * {@code jitter} so that replicas retrying the same receiver spread out.
 */
public final class Backoff {

	/** Default wait after the first failed attempt. */
	public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(1);

	/** Default cap on the wait. */
	public static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

	/** Default growth factor per attempt. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** Default largest fraction taken off a wait at random. */
	public static final double DEFAULT_JITTER = 0.2;

	private final Duration initial;

	private final Duration max;

	private final double multiplier;

	private final double jitter;

	private final DoubleSupplier random;

	/**
	 * Creates a backoff; {@code random} yields values in [0, 1) and is injected so tests
	 * can pin the jitter.
	 */
	public Backoff(Duration initial, Duration max, double multiplier, double jitter, DoubleSupplier random) {
		if (initial.isZero() || initial.isNegative()) {
			throw new IllegalArgumentException("backoff initial must be positive, got " + initial);
		}
		if (max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("backoff max must be >= initial " + initial + ", got " + max);
		}
		if (!(multiplier >= 1.0)) {
			throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
		}
		if (!(jitter >= 0.0 && jitter < 1.0)) {
			throw new IllegalArgumentException("backoff jitter must be in [0, 1), got " + jitter);
		}
		this.initial = initial;
		this.max = max;
		this.multiplier = multiplier;
		this.jitter = jitter;
		this.random = random;
	}

	/** The wait after the given failed attempt (1 = the first attempt failed). */
	public Duration delay(int failedAttempts) {
		double exponential = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
		double capped = Math.min(exponential, max.toMillis());
		double jittered = capped * (1.0 - jitter * random.getAsDouble());
		return Duration.ofMillis(Math.max(1, Math.round(jittered)));
	}

}
