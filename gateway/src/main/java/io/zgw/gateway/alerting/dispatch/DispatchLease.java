package io.zgw.gateway.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import io.zgw.gateway.alerting.store.UtcTimes;
import org.jooq.DSLContext;
import org.jooq.Record2;

import static io.zgw.sql.Tables.DISPATCH_LEASE;

/**
 * DispatchLease is a row in {@code dispatch_lease} that at most one replica holds at a
 * time: the holder renews it, anyone takes it over once it expired.
 */
final class DispatchLease {

	// Assignments run left to right on MySQL and MariaDB: once holder is ours, the
	// second IF sees it.
	private static final String ACQUIRE = "INSERT INTO dispatch_lease (name, holder, expires_at) VALUES (?, ?, ?) "
			+ "ON DUPLICATE KEY UPDATE holder = IF(holder = VALUES(holder) OR expires_at < ?, VALUES(holder), holder), "
			+ "expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at)";

	private final DSLContext dsl;

	private final String name;

	private final String holder;

	private final Duration ttl;

	DispatchLease(DSLContext dsl, String name, String holder, Duration ttl) {
		this.dsl = dsl;
		this.name = name;
		this.holder = holder;
		this.ttl = ttl;
	}

	/**
	 * Takes or renews the lease until {@code now + ttl}; returns whether this holder has
	 * it.
	 */
	boolean acquire(Instant now) {
		this.dsl.execute(ACQUIRE, this.name, this.holder, UtcTimes.bind(now.plus(this.ttl)), UtcTimes.bind(now));
		return this.holder.equals(this.dsl.fetchValue("SELECT holder FROM dispatch_lease WHERE name = ?", this.name));
	}

	/**
	 * Returns when another holder of the lease last renewed (or gave it up), as far as
	 * its expiry tells (renewal = expiry - ttl), or empty when the lease is ours or was
	 * never taken: from then until this replica takes it over, nobody dispatched.
	 */
	Optional<Instant> othersLastRenewal() {
		Record2<String, LocalDateTime> row = this.dsl.select(DISPATCH_LEASE.HOLDER, DISPATCH_LEASE.EXPIRES_AT)
			.from(DISPATCH_LEASE)
			.where(DISPATCH_LEASE.NAME.eq(this.name))
			.fetchOne();
		if (row == null || this.holder.equals(row.value1())) {
			return Optional.empty();
		}
		return Optional.of(UtcTimes.fromColumn(row.value2()).minus(this.ttl));
	}

	/** Gives the lease up, if held, so another replica can take it at once. */
	void release(Instant now) {
		this.dsl.execute("UPDATE dispatch_lease SET expires_at = ? WHERE name = ? AND holder = ?",
				UtcTimes.bind(now.minusMillis(1)), this.name, this.holder);
	}

	String holder() {
		return this.holder;
	}

}
