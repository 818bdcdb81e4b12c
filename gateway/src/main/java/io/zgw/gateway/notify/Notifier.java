package io.zgw.gateway.notify;

/**
 * Notifier sends rendered notifications through one configured receiver integration.
 */
public interface Notifier {

	/** Which integration of its receiver this notifier is. */
	Integration integration();

	/**
	 * Whether resolved-only notifications go to this integration ({@code send_resolved});
	 * the dispatcher checks it before enqueueing.
	 */
	boolean sendResolved();

	/** Sends one delivery once; never throws for delivery problems, it reports them. */
	DeliveryResult send(Delivery delivery);

}
