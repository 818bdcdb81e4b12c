package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.zgw.sql.tables.records.SilenceRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import static io.zgw.sql.Tables.SILENCE;

/**
 * SilenceStore keeps silences in MySQL, a recurring silence's schedule as JSON text;
 * expired silences are kept until housekeeping deletes them.
 */
@Component
public class SilenceStore {

	private static final TypeReference<List<StoredSilence.Matcher>> MATCHERS = new TypeReference<>() {
	};

	private final DSLContext dsl;

	private final JsonMapper json;

	private final AtomicLong saves = new AtomicLong();

	SilenceStore(DSLContext dsl, JsonMapper json) {
		this.dsl = dsl;
		this.json = json;
	}

	public Optional<StoredSilence> find(String id) {
		return StoreAccess
			.read(() -> this.dsl.selectFrom(SILENCE).where(SILENCE.ID.eq(id)).fetchOptional(this::toSilence));
	}

	/** Returns every silence, expired ones included. */
	public List<StoredSilence> all() {
		return StoreAccess.read(() -> this.dsl.selectFrom(SILENCE).orderBy(SILENCE.ENDS_AT).fetch(this::toSilence));
	}

	/** Returns the silences active at {@code now}. */
	public List<StoredSilence> activeAt(Instant now) {
		return activeBetween(now, now);
	}

	/**
	 * Returns the silences active at some instant from {@code from} to {@code to}, for a
	 * caller that keeps them that long and checks each one's times when it evaluates it.
	 */
	public List<StoredSilence> activeBetween(Instant from, Instant to) {
		return StoreAccess.read(() -> this.dsl.selectFrom(SILENCE)
			.where(SILENCE.STARTS_AT.le(UtcTimes.param(to)))
			.and(SILENCE.ENDS_AT.gt(UtcTimes.param(from)))
			.fetch(this::toSilence));
	}

	/**
	 * Returns how many silences this process has saved so far, so that a cache of them
	 * can tell when it is stale.
	 */
	public long saves() {
		return this.saves.get();
	}

	/** Deletes silences that ended before {@code before}; returns how many. */
	public int deleteEndedBefore(Instant before) {
		return StoreAccess
			.read(() -> this.dsl.deleteFrom(SILENCE).where(SILENCE.ENDS_AT.lt(UtcTimes.param(before))).execute());
	}

	/**
	 * Inserts a new silence (its id never stored before); commits before returning.
	 */
	public void create(StoredSilence silence) {
		// A plain INSERT: save()'s UPDATE finds no row and takes a gap lock, on which
		// concurrent creations deadlock (8 at once failed one in 40).
		StoreAccess
			.read(() -> this.dsl.insertInto(SILENCE).set(SILENCE.ID, silence.id()).set(values(silence)).execute());
		this.saves.incrementAndGet();
	}

	/**
	 * Replaces the stored silence with the same id (inserts it if it is gone); commits
	 * before returning.
	 */
	public void save(StoredSilence silence) {
		Map<Field<?>, Object> values = values(silence);
		// Update-then-insert rather than ON DUPLICATE KEY UPDATE: jOOQ's MySQL dialect
		// renders a row alias MariaDB rejects.
		StoreAccess.read(() -> this.dsl.transactionResult((tx) -> {
			int updated = tx.dsl().update(SILENCE).set(values).where(SILENCE.ID.eq(silence.id())).execute();
			if (updated > 0) {
				return updated;
			}
			return tx.dsl().insertInto(SILENCE).set(SILENCE.ID, silence.id()).set(values).execute();
		}));
		this.saves.incrementAndGet();
	}

	private Map<Field<?>, Object> values(StoredSilence silence) {
		Map<Field<?>, Object> values = new LinkedHashMap<>();
		values.put(SILENCE.MATCHERS, this.json.writeValueAsString(silence.matchers()));
		values.put(SILENCE.STARTS_AT, UtcTimes.param(silence.startsAt()));
		values.put(SILENCE.ENDS_AT, UtcTimes.param(silence.endsAt()));
		values.put(SILENCE.CREATED_BY, silence.createdBy());
		values.put(SILENCE.COMMENT, silence.comment());
		values.put(SILENCE.SCHEDULE,
				(silence.schedule() != null) ? this.json.writeValueAsString(silence.schedule()) : null);
		values.put(SILENCE.UPDATED_AT, UtcTimes.param(silence.updatedAt()));
		return values;
	}

	private StoredSilence toSilence(SilenceRecord row) {
		return new StoredSilence(row.getId(), this.json.readValue(row.getMatchers(), MATCHERS),
				UtcTimes.fromColumn(row.getStartsAt()), UtcTimes.fromColumn(row.getEndsAt()), row.getCreatedBy(),
				row.getComment(), (row.getSchedule() != null) ? this.json.readTree(row.getSchedule()) : null,
				UtcTimes.fromColumn(row.getUpdatedAt()));
	}

}
