package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.zgw.alerts.model.LabelSet;
import io.zgw.sql.tables.records.AlertHistoryRecord;
import io.zgw.sql.tables.records.AlertRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import static io.zgw.sql.Tables.ALERT;
import static io.zgw.sql.Tables.ALERT_HISTORY;

/**
 * AlertReader reads alerts and their history back from the store.
 */
@Component
public class AlertReader {

	static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final int FINGERPRINTS_PER_QUERY = 500;

	private final DSLContext dsl;

	private final JsonMapper json;

	AlertReader(DSLContext dsl, JsonMapper json) {
		this.dsl = dsl;
		this.json = json;
	}

	/** Returns the alerts firing at {@code now}, oldest first. */
	public List<StoredAlert> firingAt(Instant now) {
		Field<LocalDateTime> at = UtcTimes.param(now);
		return StoreAccess.read(() -> this.dsl.selectFrom(ALERT)
			.where(ALERT.ENDS_AT.isNull().or(ALERT.ENDS_AT.gt(at)))
			.orderBy(ALERT.STARTS_AT, ALERT.ALERT_KEY)
			.fetch(this::toAlert));
	}

	/**
	 * Returns the alerts last written at or after {@code since} by a writer other than
	 * {@code writer} (see {@link AlertCommits#writer()}), oldest write first.
	 */
	public List<StoredAlert> writtenByOthersSince(Instant since, String writer) {
		return StoreAccess.read(() -> this.dsl.selectFrom(ALERT)
			.where(ALERT.UPDATED_AT.ge(UtcTimes.param(since)))
			.and(ALERT.WRITTEN_BY.ne(writer))
			.orderBy(ALERT.UPDATED_AT)
			.fetch(this::toAlert));
	}

	/**
	 * Returns the alerts firing now or resolved after {@code resolvedSince}, oldest
	 * first: what a dispatcher needs to rebuild its groups.
	 */
	public List<StoredAlert> endingAfter(Instant resolvedSince) {
		Field<LocalDateTime> since = UtcTimes.param(resolvedSince);
		return StoreAccess.read(() -> this.dsl.selectFrom(ALERT)
			.where(ALERT.ENDS_AT.isNull().or(ALERT.ENDS_AT.gt(since)))
			.orderBy(ALERT.STARTS_AT, ALERT.ALERT_KEY)
			.fetch(this::toAlert));
	}

	/**
	 * Returns the stored alerts whose labels have one of the given fingerprints, oldest
	 * first, a few hundred fingerprints per query.
	 */
	public List<StoredAlert> byFingerprints(Collection<String> fingerprints) {
		List<StoredAlert> found = inChunks(fingerprints,
				(chunk) -> this.dsl.selectFrom(ALERT).where(ALERT.FINGERPRINT.in(chunk)).fetch(this::toAlert));
		found.sort(Comparator.comparing(StoredAlert::startsAt).thenComparing(StoredAlert::alertKey));
		return found;
	}

	/**
	 * Returns when the alerts under these keys started firing after {@code since} as
	 * their history recorded it ({@code created}, {@code refired}: when the gateway
	 * received the start).
	 */
	public List<Start> startsSince(Collection<String> alertKeys, Instant since) {
		List<String> kinds = List.of(ChangeKind.CREATED.columnValue(), ChangeKind.REFIRED.columnValue());
		return inChunks(alertKeys,
				(chunk) -> this.dsl
					.select(ALERT_HISTORY.ALERT_KEY, ALERT_HISTORY.FINGERPRINT, ALERT_HISTORY.OCCURRED_AT)
					.from(ALERT_HISTORY)
					.where(ALERT_HISTORY.ALERT_KEY.in(chunk))
					.and(ALERT_HISTORY.CHANGE_KIND.in(kinds))
					.and(ALERT_HISTORY.OCCURRED_AT.gt(UtcTimes.param(since)))
					.fetch((row) -> new Start(row.value1(), row.value2(), UtcTimes.fromColumn(row.value3()))));
	}

	// Runs an IN query a few hundred values at a time and gathers the rows.
	private static <T> List<T> inChunks(Collection<String> values, Function<List<String>, List<T>> query) {
		List<String> all = List.copyOf(values);
		List<T> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += FINGERPRINTS_PER_QUERY) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + FINGERPRINTS_PER_QUERY));
			found.addAll(StoreAccess.read(() -> query.apply(chunk)));
		}
		return found;
	}

	/** Returns the alert stored under this key. */
	public Optional<StoredAlert> find(String alertKey) {
		return StoreAccess
			.read(() -> this.dsl.selectFrom(ALERT).where(ALERT.ALERT_KEY.eq(alertKey)).fetchOptional(this::toAlert));
	}

	/** Returns every stored alert whose labels have the given fingerprint. */
	public List<StoredAlert> byFingerprint(String fingerprint) {
		return byFingerprints(List.of(fingerprint));
	}

	/** Returns the recorded state changes of one alert, oldest first. */
	public List<HistoryEntry> history(String alertKey) {
		return latestHistory(alertKey, Integer.MAX_VALUE);
	}

	/**
	 * Returns the latest {@code limit} recorded state changes of one alert, oldest first.
	 */
	public List<HistoryEntry> latestHistory(String alertKey, int limit) {
		List<HistoryEntry> entries = new ArrayList<>(StoreAccess.read(() -> this.dsl.selectFrom(ALERT_HISTORY)
			.where(ALERT_HISTORY.ALERT_KEY.eq(alertKey))
			.orderBy(ALERT_HISTORY.ID.desc())
			.limit(limit)
			.fetch(this::toHistory)));
		Collections.reverse(entries);
		return entries;
	}

	StoredAlert toAlert(AlertRecord row) {
		return new StoredAlert(row.getAlertKey(), row.getSource(),
				LabelSet.of(this.json.readValue(row.getLabels(), STRING_MAP)),
				this.json.readValue(row.getAnnotations(), STRING_MAP), row.getGeneratorUrl(),
				UtcTimes.fromColumn(row.getStartsAt()), UtcTimes.fromColumn(row.getEndsAt()),
				UtcTimes.fromColumn(row.getUpdatedAt()), row.getAcknowledged());
	}

	private HistoryEntry toHistory(AlertHistoryRecord row) {
		return new HistoryEntry(row.getChangeKind(), row.getSource(), UtcTimes.fromColumn(row.getOccurredAt()),
				row.getDetail());
	}

	/**
	 * HistoryEntry is one recorded state change.
	 *
	 * @param kind what changed ({@link ChangeKind#columnValue()})
	 * @param source who reported it
	 * @param occurredAt when it happened at the source
	 * @param detail JSON detail, if any
	 */
	public record HistoryEntry(String kind, String source, Instant occurredAt, String detail) {
	}

	/**
	 * Start is a recorded start of an alert.
	 *
	 * @param alertKey the alert's store key
	 * @param fingerprint its label fingerprint
	 * @param at when the start was recorded
	 */
	public record Start(String alertKey, String fingerprint, Instant at) {
	}

}
