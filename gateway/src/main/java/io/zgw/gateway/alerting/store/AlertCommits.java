package io.zgw.gateway.alerting.store;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * AlertCommits tells subscribers about alerts right after this process's store writes
 * committed them (never before), from the group-commit writer and the Zabbix webhook path
 * alike.
 */
@Component
public class AlertCommits {

	private static final Log logger = LogFactory.getLog(AlertCommits.class);

	private final List<Consumer<List<StoredAlert>>> subscribers = new CopyOnWriteArrayList<>();

	// New for every process: a restarted replica is a new writer, whose earlier rows the
	// dispatch lease holder must read back from the store like any other replica's.
	private final String writer = UUID.randomUUID().toString();

	/**
	 * Returns this process's name in {@code alert.written_by}: alerts written by any
	 * other name reach this replica's dispatcher only through the store.
	 */
	public String writer() {
		return this.writer;
	}

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
