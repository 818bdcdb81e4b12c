package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * InMemoryNotificationLog is a notification log kept in a map, lost on restart.
 */
public final class InMemoryNotificationLog implements NotificationLog {

	private final Map<String, NotificationLogEntry> entries = new ConcurrentHashMap<>();

	@Override
	public Optional<NotificationLogEntry> get(String groupKey, String integrationKey, Instant now) {
		NotificationLogEntry entry = this.entries.get(key(groupKey, integrationKey));
		return (entry == null || entry.expiresAt().isBefore(now)) ? Optional.empty() : Optional.of(entry);
	}

	@Override
	public void put(String groupKey, String integrationKey, NotificationLogEntry entry) {
		this.entries.put(key(groupKey, integrationKey), entry);
	}

	/** Drops expired entries and returns how many were dropped. */
	public int gc(Instant now) {
		int before = this.entries.size();
		this.entries.values().removeIf((entry) -> entry.expiresAt().isBefore(now));
		return before - this.entries.size();
	}

	public int size() {
		return this.entries.size();
	}

	private static String key(String groupKey, String integrationKey) {
		// Group keys may contain any character but a receiver name cannot hold a newline.
		return integrationKey + "\n" + groupKey;
	}

}
