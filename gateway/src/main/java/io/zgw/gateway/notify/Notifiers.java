package io.zgw.gateway.notify;

import java.util.List;
import java.util.Optional;

/**
 * Notifiers looks up the notifiers of the currently configured receivers.
 */
public interface Notifiers {

	/** The notifier of one integration of a receiver, if both are configured. */
	Optional<Notifier> find(String receiver, Integration integration);

	/**
	 * All notifiers of a receiver in config order; empty when it has none or is unknown.
	 */
	List<Notifier> forReceiver(String receiver);

	/**
	 * Whether a receiver configuration has been loaded; until then workers claim nothing,
	 * so rows left from before a restart are not failed as "unknown receiver".
	 */
	boolean loaded();

}
