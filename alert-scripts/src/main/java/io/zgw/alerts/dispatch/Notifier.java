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

}
