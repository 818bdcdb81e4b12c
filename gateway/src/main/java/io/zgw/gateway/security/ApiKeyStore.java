package io.zgw.gateway.security;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zgw.gateway.alerting.store.UtcTimes;
import io.zgw.sql.tables.records.ApiKeyRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static io.zgw.sql.Tables.API_KEY;

/**
 * ApiKeyStore keeps API keys in MySQL, by the SHA-256 hash of the key: the key itself is
 * never stored.
 */
@Repository
class ApiKeyStore {

	private static final String LINE_SEPARATOR = ",";

	private final DSLContext db;

	ApiKeyStore(DSLContext db) {
		this.db = db;
	}

	/**
	 * ActiveKey is a non-revoked key: its principal, and when it expires.
	 *
	 * @param principal what the key may do
	 * @param expiresAt from when it stops working, or {@code null} for never
	 */
	record ActiveKey(ApiPrincipal principal, @Nullable Instant expiresAt) {

		/** Returns the principal unless the key has expired at {@code now}. */
		Optional<ApiPrincipal> at(Instant now) {
			return (this.expiresAt == null || now.isBefore(this.expiresAt)) ? Optional.of(this.principal)
					: Optional.empty();
		}

	}

	/** Returns the non-revoked key with this hash, expired or not. */
	Optional<ActiveKey> findActive(String keyHash) {
		return this.db.selectFrom(API_KEY)
			.where(API_KEY.KEY_HASH.eq(keyHash))
			.and(API_KEY.REVOKED_AT.isNull())
			.fetchOptional()
			.map((r) -> new ActiveKey(new ApiPrincipal(r.getName(), role(r), businessLines(r)),
					UtcTimes.fromColumn(r.getExpiresAt())));
	}

	StoredApiKey insert(String name, Role role, Set<String> businessLines, String keyHash, String displayPrefix,
			Instant now, @Nullable Instant expiresAt) {
		ApiKeyRecord record = this.db.newRecord(API_KEY);
		record.setName(name);
		record.setRole(role.wireName());
		record.setBusinessLines(String.join(LINE_SEPARATOR, businessLines.stream().sorted().toList()));
		record.setKeyHash(keyHash);
		record.setKeyPrefix(displayPrefix);
		record.setCreatedAt(toDb(now));
		record.setExpiresAt((expiresAt != null) ? toDb(expiresAt) : null);
		record.store();
		return toStored(record);
	}

	/**
	 * Makes sure a non-revoked admin key for every business line exists with this hash.
	 * Both statements are idempotent and the hash is unique, so replicas starting
	 * together agree. (No single upsert: jOOQ's MySQL dialect renders one MariaDB
	 * rejects.)
	 */
	void ensureAdmin(String name, String keyHash, String displayPrefix, Instant now) {
		this.db.insertInto(API_KEY)
			.set(API_KEY.NAME, name)
			.set(API_KEY.ROLE, Role.ADMIN.wireName())
			.set(API_KEY.BUSINESS_LINES, ApiPrincipal.ALL_BUSINESS_LINES)
			.set(API_KEY.KEY_HASH, keyHash)
			.set(API_KEY.KEY_PREFIX, displayPrefix)
			.set(API_KEY.CREATED_AT, toDb(now))
			.onDuplicateKeyIgnore()
			.execute();
		this.db.update(API_KEY)
			.set(API_KEY.NAME, name)
			.set(API_KEY.ROLE, Role.ADMIN.wireName())
			.set(API_KEY.BUSINESS_LINES, ApiPrincipal.ALL_BUSINESS_LINES)
			.setNull(API_KEY.REVOKED_AT)
			.setNull(API_KEY.EXPIRES_AT)
			.where(API_KEY.KEY_HASH.eq(keyHash))
			.execute();
	}

	/** Returns the ids of non-revoked keys with this name but another hash. */
	List<Long> activeNamedOtherThan(String name, String keyHash) {
		return this.db.select(API_KEY.ID)
			.from(API_KEY)
			.where(API_KEY.NAME.eq(name))
			.and(API_KEY.KEY_HASH.ne(keyHash))
			.and(API_KEY.REVOKED_AT.isNull())
			.fetch(API_KEY.ID);
	}

	/**
	 * Sets each key's last use to the time given unless the stored one is later (another
	 * replica may have written a later use first).
	 */
	void recordUse(Map<String, Instant> lastUseByHash) {
		// One short statement per key in use (a handful per flush interval); a jOOQ
		// batch would inline the times, and its literals drop the milliseconds.
		lastUseByHash.forEach((keyHash, usedAt) -> {
			Field<LocalDateTime> at = UtcTimes.param(usedAt);
			this.db.update(API_KEY)
				.set(API_KEY.LAST_USED_AT, at)
				.where(API_KEY.KEY_HASH.eq(keyHash))
				.and(API_KEY.LAST_USED_AT.isNull().or(API_KEY.LAST_USED_AT.lt(at)))
				.execute();
		});
	}

	/** Returns every key, revoked ones included, oldest first. */
	List<StoredApiKey> list() {
		return this.db.selectFrom(API_KEY).orderBy(API_KEY.ID).fetch(this::toStored);
	}

	Optional<StoredApiKey> find(long id) {
		return this.db.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional(this::toStored);
	}

	/**
	 * Revokes the key (a no-op if it already is) and returns its hash, so caches can drop
	 * it; empty if there is no such key.
	 */
	Optional<String> revoke(long id, Instant now) {
		this.db.update(API_KEY)
			.set(API_KEY.REVOKED_AT, toDb(now))
			.where(API_KEY.ID.eq(id))
			.and(API_KEY.REVOKED_AT.isNull())
			.execute();
		return this.db.select(API_KEY.KEY_HASH).from(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional(API_KEY.KEY_HASH);
	}

	private StoredApiKey toStored(ApiKeyRecord r) {
		return new StoredApiKey(r.getId(), r.getName(), role(r), businessLines(r), r.getKeyPrefix(),
				UtcTimes.fromColumn(r.getCreatedAt()), UtcTimes.fromColumn(r.getRevokedAt()),
				UtcTimes.fromColumn(r.getExpiresAt()), UtcTimes.fromColumn(r.getLastUsedAt()));
	}

	private static Role role(ApiKeyRecord r) {
		return Role.parse(r.getRole())
			.orElseThrow(() -> new IllegalStateException("api_key " + r.getId() + " has unknown role " + r.getRole()));
	}

	private static Set<String> businessLines(ApiKeyRecord r) {
		return Set.copyOf(Arrays.asList(r.getBusinessLines().split(LINE_SEPARATOR)));
	}

	// The columns (TIMESTAMP and DATETIME alike) hold UTC wall-clock times, read back by
	// UtcTimes.fromColumn; the JDBC session's zone cancels out.
	private static LocalDateTime toDb(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
