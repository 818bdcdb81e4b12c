package io.zgw.gateway.alerting.store;

/**
 * StoreUnavailableException means the alert store could not commit or read (MySQL down,
 * commit failed or not confirmed in time); callers answer 503 so senders retry.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
