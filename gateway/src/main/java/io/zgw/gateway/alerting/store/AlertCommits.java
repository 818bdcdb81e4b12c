package io.zgw.gateway.alerting.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * AlertCommits tells subscribers about alerts right after the store committed them (never
 * before), from the group-commit writer and the Zabbix webhook path alike.
 */
@Component
public class AlertCommits {

	private static final Log logger = LogFactory.getLog(AlertCommits.class);

	private final List<Consumer<List<StoredAlert>>> subscribers = new CopyOnWriteArrayList<>();

	/** Adds a subscriber; it runs on the committing thread and must be quick. */
	public void subscribe(Consumer<List<StoredAlert>> subscriber) {
		this.subscribers.add(subscriber);
	}

	void publish(List<StoredAlert> committed) {
		for (Consumer<List<StoredAlert>> subscriber : this.subscribers) {
			try {
				subscriber.accept(committed);
			}
			catch (RuntimeException ex) {
				// The alerts are committed whatever a subscriber does with them.
				logger.error("Alert commit subscriber failed", ex);
			}
		}
	}

}
