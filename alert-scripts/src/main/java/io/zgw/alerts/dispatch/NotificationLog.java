package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.Optional;

/**
 * NotificationLog remembers the last notification per group key and receiver integration,
 * so the dispatcher sends only what changed; the gateway may back it with a database.
 */
public interface NotificationLog {

	/**
	 * Returns the entry for the group and integration key ({@code receiver/type/index})
	 * unless it expired before {@code now}.
	 */
	Optional<NotificationLogEntry> get(String groupKey, String integrationKey, Instant now);

	/** Stores the entry, replacing any previous one. */
	void put(String groupKey, String integrationKey, NotificationLogEntry entry);

}
