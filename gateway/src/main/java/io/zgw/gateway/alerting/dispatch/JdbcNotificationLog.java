package io.zgw.gateway.alerting.dispatch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.zgw.alerts.dispatch.NotificationLog;
import io.zgw.alerts.dispatch.NotificationLogEntry;
import io.zgw.alerts.model.Sha256;
import io.zgw.gateway.alerting.store.UtcTimes;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * JdbcNotificationLog keeps the dispatcher's notification log in the
 * {@code notification_log} table, so a restarted or new lease holder does not repeat what
 * was sent; writes join the caller's transaction (the outbox enqueue's).
 *
 * <p>
 * While this replica holds the dispatch lease it is the table's only writer, so the whole
 * table is read once ({@link #reload}) when the groups are built, and a flush costs no
 * read; the flush takes the entries put while it ran ({@link #takePending()}) and writes
 * them ({@link #addUpserts}) in the transaction that enqueues their notifications. The
 * owner reloads whenever that may no longer hold: when it takes the lease, and after a
 * flush's transaction rolled back; it {@link #forget()}s when it loses the lease.
 */
final class JdbcNotificationLog implements NotificationLog {

	private static final String SELECT = "SELECT firing_fingerprints, resolved_fingerprints, sent_at, expires_at "
			+ "FROM notification_log WHERE group_key_hash = ? AND receiver = ? AND expires_at >= ?";

	private static final String SELECT_ALL = "SELECT group_key, receiver, firing_fingerprints, resolved_fingerprints, "
			+ "sent_at, expires_at FROM notification_log WHERE expires_at >= ?";

	private static final String UPSERT = "INSERT INTO notification_log (group_key_hash, receiver, group_key, "
			+ "firing_fingerprints, resolved_fingerprints, sent_at, expires_at) VALUES ";

	private static final String UPSERT_ROW = "(?, ?, ?, ?, ?, ?, ?)";

	private static final String UPSERT_ON_DUPLICATE = " ON DUPLICATE KEY UPDATE group_key = VALUES(group_key), firing_fingerprints = VALUES(firing_fingerprints), "
			+ "resolved_fingerprints = VALUES(resolved_fingerprints), sent_at = VALUES(sent_at), "
			+ "expires_at = VALUES(expires_at)";

	private final DSLContext dsl;

	// Rows per upsert statement when writing what a flush put.
	private static final int UPSERT_CHUNK = 500;

	// Keyed by group key and integration key; an empty Optional: nothing stored.
	private final Map<List<String>, Optional<NotificationLogEntry>> known = new ConcurrentHashMap<>();

	// Whether known holds every unexpired row of the table (absence means none).
	private volatile boolean complete;

	// Put since the last takePending(), in order; the last put of a key wins.
	private final Map<List<String>, NotificationLogEntry> pending = new LinkedHashMap<>();

	JdbcNotificationLog(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<NotificationLogEntry> get(String groupKey, String integrationKey, Instant now) {
		List<String> key = List.of(groupKey, integrationKey);
		Optional<NotificationLogEntry> entry = this.known.get(key);
		if (entry == null && this.complete) {
			return Optional.empty();
		}
		if (entry == null) {
			entry = read(groupKey, integrationKey, now);
			this.known.put(key, entry);
		}
		// As the read's expires_at condition.
		return entry.filter((e) -> !e.expiresAt().isBefore(now));
	}

	private Optional<NotificationLogEntry> read(String groupKey, String integrationKey, Instant now) {
		Record row = this.dsl.fetchOne(SELECT, Sha256.hex(groupKey), integrationKey, UtcTimes.bind(now));
		return (row != null) ? Optional.of(entry(row, 0)) : Optional.empty();
	}

	// The entry in the four columns from the given one on.
	private static NotificationLogEntry entry(Record row, int first) {
		return new NotificationLogEntry(FingerprintColumn.split(row.get(first, String.class)),
				FingerprintColumn.split(row.get(first + 1, String.class)),
				UtcTimes.fromColumn(row.get(first + 2, LocalDateTime.class)),
				UtcTimes.fromColumn(row.get(first + 3, LocalDateTime.class)));
	}

	/**
	 * Remembers the entry; the flush takes it ({@link #takePending()}) and writes it in
	 * the transaction that enqueues the group's notification.
	 */
	@Override
	public synchronized void put(String groupKey, String integrationKey, NotificationLogEntry entry) {
		List<String> key = List.of(groupKey, integrationKey);
		this.pending.put(key, entry);
		this.known.put(key, Optional.of(entry));
	}

	/**
	 * Returns the entries put since the last call, keyed by group key and integration
	 * key, and forgets them here; the caller writes them with {@link #addUpserts}.
	 */
	synchronized Map<List<String>, NotificationLogEntry> takePending() {
		Map<List<String>, NotificationLogEntry> taken = new LinkedHashMap<>(this.pending);
		this.pending.clear();
		return taken;
	}

	/**
	 * Passes the upserts that store the entries (as {@link #takePending()} returns them),
	 * a few hundred rows per statement, to {@code statements} as SQL and bind values.
	 */
	static void addUpserts(Map<List<String>, NotificationLogEntry> entries,
			BiConsumer<String, List<Object>> statements) {
		List<Map.Entry<List<String>, NotificationLogEntry>> rows = new ArrayList<>(entries.entrySet());
		for (int from = 0; from < rows.size(); from += UPSERT_CHUNK) {
			List<Map.Entry<List<String>, NotificationLogEntry>> chunk = rows.subList(from,
					Math.min(rows.size(), from + UPSERT_CHUNK));
			List<Object> binds = new ArrayList<>(chunk.size() * 7);
			for (Map.Entry<List<String>, NotificationLogEntry> row : chunk) {
				String groupKey = row.getKey().get(0);
				NotificationLogEntry entry = row.getValue();
				binds.addAll(List.of(Sha256.hex(groupKey), row.getKey().get(1), groupKey,
						FingerprintColumn.join(entry.firing()), FingerprintColumn.join(entry.resolved()),
						UtcTimes.bind(entry.timestamp()), UtcTimes.bind(entry.expiresAt())));
			}
			statements.accept(
					UPSERT + String.join(", ", Collections.nCopies(chunk.size(), UPSERT_ROW)) + UPSERT_ON_DUPLICATE,
					binds);
		}
	}

	/**
	 * Drops what was remembered and not yet written; the next reads go to the table.
	 */
	synchronized void forget() {
		this.pending.clear();
		this.known.clear();
		this.complete = false;
	}

	/**
	 * Forgets, then reads every entry unexpired at {@code now}, so that groups missing
	 * from the table cost no read at all; on failure, entries are read one by one again.
	 */
	synchronized void reload(Instant now) {
		forget();
		for (Record row : this.dsl.fetch(SELECT_ALL, UtcTimes.bind(now))) {
			this.known.put(List.of(row.get(0, String.class), row.get(1, String.class)), Optional.of(entry(row, 2)));
		}
		this.complete = true;
	}

	/**
	 * Returns the fingerprints that an entry unexpired at {@code now} lists as notified
	 * firing, as far as this log knows every entry (after a successful {@link #reload});
	 * none otherwise.
	 */
	synchronized Set<String> notifiedFiring(Instant now) {
		if (!this.complete) {
			return Set.of();
		}
		Set<String> fingerprints = new HashSet<>();
		for (Optional<NotificationLogEntry> entry : this.known.values()) {
			entry.filter((e) -> !e.expiresAt().isBefore(now)).ifPresent((e) -> fingerprints.addAll(e.firing()));
		}
		return fingerprints;
	}

}
