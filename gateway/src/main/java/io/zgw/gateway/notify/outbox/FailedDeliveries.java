package io.zgw.gateway.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.zgw.sql.tables.records.OutboxRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import static io.zgw.sql.Tables.OUTBOX;

/**
 * FailedDeliveries are the outbox rows that failed for good (an answer retrying cannot
 * mend, such as a 4xx, or a receiver no longer configured): an operator lists them to see
 * why, and sends one again once its cause is mended.
 */
public final class FailedDeliveries {

	private static final Condition FAILED = OUTBOX.DELIVERED_AT.isNull().and(OUTBOX.FAILED_AT.isNotNull());

	private final DSLContext dsl;

	private final Clock clock;

	public FailedDeliveries(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/** The latest failures, newest first, of one receiver or of all when null. */
	public List<FailedDelivery> latest(@Nullable String receiver, int limit) {
		Condition where = (receiver != null) ? FAILED.and(OUTBOX.RECEIVER.eq(receiver)) : FAILED;
		return this.dsl.selectFrom(OUTBOX)
			.where(where)
			.orderBy(OUTBOX.FAILED_AT.desc(), OUTBOX.ID.desc())
			.limit(limit)
			.fetch(FailedDeliveries::toFailed);
	}

	/**
	 * Makes a failed row pending again, due now with its attempts reset, so that the
	 * delivery workers send it at their next poll, before any later row of its group;
	 * returns false when no failed row has this id.
	 */
	public boolean retry(long id) {
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.dsl.update(OUTBOX)
			.set(OUTBOX.FAILED_AT, (LocalDateTime) null)
			.set(OUTBOX.ATTEMPTS, 0)
			.set(OUTBOX.NEXT_ATTEMPT_AT, now)
			.set(OUTBOX.CLAIMED_BY, (String) null)
			.set(OUTBOX.CLAIMED_UNTIL, (LocalDateTime) null)
			.where(OUTBOX.ID.eq(id).and(FAILED))
			.execute() == 1;
	}

	private static FailedDelivery toFailed(OutboxRecord row) {
		return new FailedDelivery(row.getId(), row.getReceiver(), row.getIntegration(), row.getGroupKey(),
				row.getCreatedAt().toInstant(ZoneOffset.UTC), row.getAttempts(),
				row.getFailedAt().toInstant(ZoneOffset.UTC), row.getLastError(), row.getPayload().length());
	}

	/**
	 * FailedDelivery is one failed outbox row, without its payload (which can be large).
	 *
	 * @param id the row's id
	 * @param receiver the receiver's name
	 * @param integration the integration, e.g. {@code webhook[0]}
	 * @param groupKey the alert group's key
	 * @param createdAt when the notification was queued
	 * @param attempts how many sends were tried
	 * @param failedAt when it was given up
	 * @param lastError the last error, at most 1,000 characters
	 * @param payloadChars the payload's length
	 */
	public record FailedDelivery(long id, String receiver, String integration, String groupKey, Instant createdAt,
			int attempts, Instant failedAt, @Nullable String lastError, int payloadChars) {
	}

}
