package io.zgw.gateway.notify.outbox;

import java.time.Instant;

import io.zgw.gateway.notify.DeliveryResult.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * AttemptEnd is how one send attempt of a claimed delivery ended, for the worker to
 * record with its next claim ({@link OutboxQueue#settleAndClaim}).
 *
 * @param id the delivery's outbox row
 * @param outcome delivered, to be retried, or failed for good
 * @param retryAt when a retryable failure is due again; {@code null} otherwise
 * @param error why it failed, as stored in {@code outbox.last_error}; {@code null} when
 * delivered
 */
public record AttemptEnd(long id, Outcome outcome, @Nullable Instant retryAt, @Nullable String error) {

	/** The delivery was sent. */
	public static AttemptEnd delivered(long id) {
		return new AttemptEnd(id, Outcome.DELIVERED, null, null);
	}

	/** The delivery failed and is tried again at {@code retryAt}. */
	public static AttemptEnd retry(long id, Instant retryAt, String error) {
		return new AttemptEnd(id, Outcome.RETRYABLE_FAILURE, retryAt, error);
	}

	/** The delivery failed for good; its chain moves on. */
	public static AttemptEnd failed(long id, String error) {
		return new AttemptEnd(id, Outcome.PERMANENT_FAILURE, null, error);
	}

}
