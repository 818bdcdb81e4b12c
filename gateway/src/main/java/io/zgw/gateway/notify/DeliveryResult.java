package io.zgw.gateway.notify;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * DeliveryResult is what one send attempt came to: delivered, failed but worth retrying,
 * or failed for good (Alertmanager's {@code retry, err} pair).
 *
 * @param outcome what happened
 * @param error why it failed, safe to log and store (never holds credentials or URLs);
 * {@code null} when delivered
 */
public record DeliveryResult(Outcome outcome, @Nullable String error) {

	private static final DeliveryResult DELIVERED = new DeliveryResult(Outcome.DELIVERED, null);

	/** The delivered result. */
	public static DeliveryResult delivered() {
		return DELIVERED;
	}

	/** A failure the worker retries with backoff. */
	public static DeliveryResult retryable(String error) {
		return new DeliveryResult(Outcome.RETRYABLE_FAILURE, error);
	}

	/** A failure that retrying cannot fix, such as a 400 answer. */
	public static DeliveryResult permanent(String error) {
		return new DeliveryResult(Outcome.PERMANENT_FAILURE, error);
	}

	/** Outcome is the kind of result of one send attempt. */
	public enum Outcome {

		DELIVERED, RETRYABLE_FAILURE, PERMANENT_FAILURE;

		/** Lower-case tag value for metrics. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
