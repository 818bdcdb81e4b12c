package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * NotifyProperties configures notification delivery ({@code zgw.notify.*}).
 *
 * @param enabled whether this replica runs a delivery worker
 * @param pollInterval how often the worker looks for due deliveries
 * @param batchSize most deliveries claimed per poll
 * @param concurrency most sends in flight at once on this replica
 * @param concurrencyPerIntegration most of those to one integration of one receiver: a
 * storm for one receiver, or one that answers slowly, leaves the other send slots to the
 * others' notifications
 * @param timeout default per-send timeout (HTTP request, SMTP connect/read/write)
 * @param lease how long a claimed delivery stays reserved; must exceed {@code timeout}
 * @param externalUrl link back to the gateway put in every payload (Alertmanager's
 * {@code --web.external-url})
 * @param workerId this replica's name in {@code outbox.claimed_by}; default host name
 * plus a random suffix
 * @param retry backoff between attempts
 * @param maxAge how long after it was enqueued a notification is still sent; one still
 * undelivered then (its receiver down all that time) fails without another attempt and is
 * counted as expired, so a receiver back after a long outage is not flooded with stale
 * news; {@code 0} (the default) retries for ever
 */
@Validated
@ConfigurationProperties("zgw.notify")
public record NotifyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("50") @Min(1) int batchSize, @DefaultValue("16") @Min(1) int concurrency,
		@DefaultValue("8") @Min(1) int concurrencyPerIntegration, @DefaultValue("10s") Duration timeout,
		@DefaultValue("1m") Duration lease, @DefaultValue("http://localhost:8080") String externalUrl,
		@Nullable String workerId, @Valid @DefaultValue Retry retry, @DefaultValue("0s") Duration maxAge) {

	public NotifyProperties {
		requirePositive(pollInterval, "zgw.notify.poll-interval");
		requirePositive(timeout, "zgw.notify.timeout");
		if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"zgw.notify.lease must be at least twice zgw.notify.timeout (" + timeout + "), got " + lease);
		}
		if (maxAge.isNegative()) {
			throw new IllegalArgumentException("zgw.notify.max-age must be 0 (never) or positive, got " + maxAge);
		}
	}

	private static void requirePositive(Duration value, String key) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(key + " must be positive, got " + value);
		}
	}

	/**
	 * Retry is the exponential backoff between attempts ({@code zgw.notify.retry.*}).
	 *
	 * @param initial wait after the first failed attempt
	 * @param max cap on the wait
	 * @param multiplier growth factor per failed attempt
	 * @param jitter largest fraction taken off a wait at random, in [0, 1)
	 */
	public record Retry(@DefaultValue("1s") Duration initial, @DefaultValue("5m") Duration max,
			@DefaultValue("2.0") double multiplier, @DefaultValue("0.2") double jitter) {

		public Retry {
			try {
				newBackoff(initial, max, multiplier, jitter);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("zgw.notify.retry: " + ex.getMessage(), ex);
			}
		}

		/** The backoff these settings describe, with random jitter. */
		Backoff toBackoff() {
			return newBackoff(initial, max, multiplier, jitter);
		}

		private static Backoff newBackoff(Duration initial, Duration max, double multiplier, double jitter) {
			return new Backoff(initial, max, multiplier, jitter, () -> ThreadLocalRandom.current().nextDouble());
		}

	}

}
