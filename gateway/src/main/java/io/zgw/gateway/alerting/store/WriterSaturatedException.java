package io.zgw.gateway.alerting.store;

/**
 * WriterSaturatedException means the group-commit writer's queue is full; callers answer
 * 503 with Retry-After.
 */
public class WriterSaturatedException extends RuntimeException {

	public WriterSaturatedException(String message) {
		super(message);
	}

}
