package io.zgw.alerts.dispatch;

/**
 * Notifier delivers a notification; throwing means delivery failed, and the dispatcher
 * then neither logs it nor forgets the group's resolved alerts, so the next flush tries
 * again.
 */
@FunctionalInterface
public interface Notifier {

	/** Delivers the notification or throws. */
	void deliver(Notification notification) throws Exception;

	/**
	 * Hears of a notification its receiver's {@code rate_limit} held back; its group
	 * tries again once the window allows. Does nothing unless overridden.
	 */
	default void rateLimited(Notification notification) {
	}

}
