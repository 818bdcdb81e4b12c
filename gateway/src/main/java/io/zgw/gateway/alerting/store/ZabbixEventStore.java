package io.zgw.gateway.alerting.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.AlertingMetrics;
import io.zgw.sql.tables.records.AlertRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import static io.zgw.sql.Tables.ALERT;
import static io.zgw.sql.Tables.ALERT_HISTORY;

/**
 * ZabbixEventStore applies Zabbix webhook deliveries to the store, one transaction each,
 * idempotently: a replay of an event already applied changes nothing.
 */
@Component
public class ZabbixEventStore {

	// The history kinds of a Zabbix update operation.
	private static final List<String> UPDATE_KINDS = Stream
		.of(ChangeKind.UPDATED, ChangeKind.ACKNOWLEDGED, ChangeKind.UNACKNOWLEDGED, ChangeKind.SEVERITY_CHANGED,
				ChangeKind.COMMENTED, ChangeKind.CLOSED)
		.map(ChangeKind::columnValue)
		.toList();

	// Attempts of a delivery whose transaction lost a lock conflict.
	private static final int MAX_ATTEMPTS = 8;

	private final DSLContext dsl;

	private final JsonMapper json;

	private final Clock clock;

	private final Counter stored;

	private final Counter failed;

	private final AlertReader reader;

	private final AlertCommits commits;

	ZabbixEventStore(DSLContext dsl, JsonMapper json, ObjectProvider<Clock> clock, MeterRegistry meters,
			AlertReader reader, AlertCommits commits) {
		this.reader = reader;
		this.commits = commits;
		this.stored = meters.counter(AlertingMetrics.ALERTS_STORED, "source", ZabbixChange.SOURCE);
		this.failed = meters.counter(AlertingMetrics.ALERTS_REFUSED, "reason", "store_failed");
		this.dsl = dsl;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Applies the change and commits; returns what happened. */
	public Outcome apply(ZabbixChange change) {
		Applied applied;
		try {
			applied = applyRetrying(change);
		}
		catch (StoreUnavailableException ex) {
			this.failed.increment();
			throw ex;
		}
		if (!applied.alerts().isEmpty()) {
			this.stored.increment();
			this.commits.publish(applied.alerts());
		}
		return applied.outcome();
	}

	// Concurrent deliveries of one new event deadlock: each INSERT IGNORE that finds the
	// row takes a shared lock, then each asks for the exclusive one. MySQL rolls back
	// all but one; the others go again, and find the row committed or still locked.
	private Applied applyRetrying(ZabbixChange change) {
		for (int attempt = 1;; attempt++) {
			try {
				return StoreAccess.read(() -> this.dsl.transactionResult((tx) -> apply(tx.dsl(), change)));
			}
			catch (StoreUnavailableException ex) {
				if (attempt == MAX_ATTEMPTS || !isLockConflict(ex)) {
					throw ex;
				}
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	// A deadlock (SQLState 40001, MySQL error 1213) or a lock wait timeout (1205).
	private static boolean isLockConflict(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
					|| sql.getErrorCode() == 1205)) {
				return true;
			}
		}
		return false;
	}

	private Applied apply(DSLContext tx, ZabbixChange change) {
		String key = change.alertKey();
		Instant at = this.clock.instant();
		Field<LocalDateTime> now = UtcTimes.param(at);
		int created = tx.insertInto(ALERT)
			.set(ALERT.ALERT_KEY, key)
			.set(ALERT.FINGERPRINT, change.labels().fingerprintHex())
			.set(ALERT.SOURCE, ZabbixChange.SOURCE)
			.set(ALERT.SHARD, change.shard())
			.set(ALERT.EVENT_ID, change.eventId())
			.set(ALERT.BUSINESS_LINE, change.labels().get("business_line"))
			.set(ALERT.LABELS, this.json.writeValueAsString(change.labels().asMap()))
			.set(ALERT.ANNOTATIONS, "{}")
			.set(ALERT.GENERATOR_URL, "")
			.set(ALERT.STATUS, "firing")
			.set(ALERT.ACKNOWLEDGED, false)
			.set(ALERT.STARTS_AT, UtcTimes.param(change.startsAt()))
			.set(ALERT.UPDATED_AT, now)
			.set(ALERT.WRITTEN_BY, this.commits.writer())
			.onDuplicateKeyIgnore()
			.execute();
		// The row lock serialises concurrent deliveries of one event, so the replay check
		// below cannot race.
		AlertRecord row = tx.selectFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).forUpdate().fetchSingle();
		// Keys name the event's life (its start by the shard's clock): a shard whose
		// database was restored or created anew hands its event ids out again.
		String lifePrefix = change.shard() + ":" + change.eventId() + "@";
		String dedupKey = lifePrefix + change.life() + ":" + change.idempotencyKey();
		if (tx.fetchExists(ALERT_HISTORY, ALERT_HISTORY.DEDUP_KEY.eq(dedupKey))) {
			if (created > 0) {
				// A replay of an alert that retention deleted (its history outlives it):
				// it must not come back as a new alert.
				tx.deleteFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).execute();
			}
			return new Applied(new Outcome(key, row.getFingerprint(), true), List.of());
		}
		List<StoredAlert> published = new ArrayList<>();
		if (created == 0) {
			long latest = latestLife(tx, key, lifePrefix);
			if (latest > change.life()) {
				// A late delivery of the event's earlier life: the row is the new one's.
				return new Applied(new Outcome(key, row.getFingerprint(), true), List.of());
			}
			if (latest != Long.MIN_VALUE && latest < change.life()) {
				row = startNewLife(tx, row, change, at, published);
			}
		}
		// Zabbix may deliver an event's messages out of order (retries, several alerter
		// processes): a problem or an update older than an update already applied adds
		// what is missing, but takes neither the acknowledgement nor the severity and
		// last update back.
		boolean stale = change.kind() != ZabbixChange.Kind.RECOVERY && tx.fetchExists(ALERT_HISTORY,
				ALERT_HISTORY.ALERT_KEY.eq(key)
					.and(ALERT_HISTORY.SOURCE.eq(ZabbixChange.SOURCE))
					.and(ALERT_HISTORY.CHANGE_KIND.in(UPDATE_KINDS))
					.and(ALERT_HISTORY.OCCURRED_AT.gt(UtcTimes.param(change.occurredAt()))));
		record(tx, row, change.historyKind(), UtcTimes.param(change.occurredAt()), now, change.detail(), dedupKey);
		if (created > 0 && change.kind() == ZabbixChange.Kind.UPDATE && tx.fetchExists(ALERT_HISTORY,
				ALERT_HISTORY.DEDUP_KEY.eq(lifePrefix + change.life() + ":recovery"))) {
			// An update (a late comment) on a problem that recovered and that retention
			// deleted since: recorded, but the problem does not come back firing.
			tx.deleteFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).execute();
			return new Applied(new Outcome(key, row.getFingerprint(), false), List.of());
		}
		Map<String, String> annotations = new LinkedHashMap<>(
				this.json.readValue(row.getAnnotations(), AlertReader.STRING_MAP));
		if (stale) {
			change.annotations().forEach(annotations::putIfAbsent);
		}
		else {
			annotations.putAll(change.annotations());
		}
		var update = tx.update(ALERT)
			.set(ALERT.ANNOTATIONS, this.json.writeValueAsString(annotations))
			.set(ALERT.UPDATED_AT, now)
			.set(ALERT.WRITTEN_BY, this.commits.writer());
		if (change.kind() == ZabbixChange.Kind.RECOVERY && change.endsAt() != null) {
			update = update.set(ALERT.ENDS_AT, UtcTimes.param(change.endsAt())).set(ALERT.STATUS, "resolved");
		}
		if (change.acknowledged() != null && !stale) {
			update = update.set(ALERT.ACKNOWLEDGED, change.acknowledged());
		}
		update.where(ALERT.ALERT_KEY.eq(key)).execute();
		// Read back before the commit: an alert that cannot be read is never committed,
		// and a committed one is published without another query that could fail.
		published.add(this.reader.toAlert(tx.selectFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).fetchSingle()));
		return new Applied(new Outcome(key, row.getFingerprint(), false), published);
	}

	// Adds a history row of the alert; a null dedupKey makes no delivery a replay of it.
	private static void record(DSLContext tx, AlertRecord row, ChangeKind kind, Field<LocalDateTime> occurredAt,
			Field<LocalDateTime> now, String detail, @Nullable String dedupKey) {
		tx.insertInto(ALERT_HISTORY)
			.set(ALERT_HISTORY.ALERT_KEY, row.getAlertKey())
			.set(ALERT_HISTORY.FINGERPRINT, row.getFingerprint())
			.set(ALERT_HISTORY.CHANGE_KIND, kind.columnValue())
			.set(ALERT_HISTORY.SOURCE, ZabbixChange.SOURCE)
			.set(ALERT_HISTORY.OCCURRED_AT, occurredAt)
			.set(ALERT_HISTORY.RECORDED_AT, now)
			.set(ALERT_HISTORY.DETAIL, detail)
			.set(ALERT_HISTORY.DEDUP_KEY, dedupKey)
			.execute();
	}

	// The latest life the event's history names, or Long.MIN_VALUE when none does (a
	// new event, or history written before keys named lives).
	private static long latestLife(DSLContext tx, String key, String lifePrefix) {
		long latest = Long.MIN_VALUE;
		for (String dedupKey : tx.select(ALERT_HISTORY.DEDUP_KEY)
			.from(ALERT_HISTORY)
			.where(ALERT_HISTORY.ALERT_KEY.eq(key).and(ALERT_HISTORY.DEDUP_KEY.startsWith(lifePrefix)))
			.fetch(ALERT_HISTORY.DEDUP_KEY)) {
			int end = dedupKey.indexOf(':', lifePrefix.length());
			latest = Math.max(latest, Long.parseLong(dedupKey.substring(lifePrefix.length(), end)));
		}
		return latest;
	}

	// The shard handed the event id out again: the row becomes the new problem's. An
	// earlier life still firing (its recovery lost with the shard's database) is
	// resolved now and published first, so its receivers hear the end of it.
	private AlertRecord startNewLife(DSLContext tx, AlertRecord row, ZabbixChange change, Instant at,
			List<StoredAlert> published) {
		String key = row.getAlertKey();
		Field<LocalDateTime> now = UtcTimes.param(at);
		if (row.getEndsAt() == null || UtcTimes.fromColumn(row.getEndsAt()).isAfter(at)) {
			tx.update(ALERT)
				.set(ALERT.ENDS_AT, now)
				.set(ALERT.STATUS, "resolved")
				.where(ALERT.ALERT_KEY.eq(key))
				.execute();
			record(tx, row, ChangeKind.RESOLVED, now, now, "{\"reason\":\"the shard reused the event id\"}", null);
			published.add(this.reader.toAlert(tx.selectFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).fetchSingle()));
		}
		tx.update(ALERT)
			.set(ALERT.FINGERPRINT, change.labels().fingerprintHex())
			.set(ALERT.BUSINESS_LINE, change.labels().get("business_line"))
			.set(ALERT.LABELS, this.json.writeValueAsString(change.labels().asMap()))
			.set(ALERT.ANNOTATIONS, "{}")
			.set(ALERT.STATUS, "firing")
			.set(ALERT.ACKNOWLEDGED, false)
			.set(ALERT.STARTS_AT, UtcTimes.param(change.startsAt()))
			.setNull(ALERT.ENDS_AT)
			.where(ALERT.ALERT_KEY.eq(key))
			.execute();
		return tx.selectFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).fetchSingle();
	}

	// What one delivery did, and the alerts it committed (none for a replay; an earlier
	// life it resolved, then the event).
	private record Applied(Outcome outcome, List<StoredAlert> alerts) {
	}

	/**
	 * Outcome says which alert a delivery concerned and whether it was a replay.
	 *
	 * @param alertKey the store key of the alert
	 * @param fingerprint the alert's label fingerprint
	 * @param replay whether the same delivery had been applied before (nothing changed)
	 */
	public record Outcome(String alertKey, String fingerprint, boolean replay) {
	}

}
