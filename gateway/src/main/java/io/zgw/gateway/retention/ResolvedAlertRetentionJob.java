package io.zgw.gateway.retention;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.dispatch.FingerprintColumn;
import io.zgw.gateway.alerting.store.UtcTimes;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.zgw.sql.Tables.ALERT;
import static io.zgw.sql.Tables.ALERT_HISTORY;
import static io.zgw.sql.Tables.NOTIFICATION_LOG;
import static org.jooq.impl.DSL.selectOne;

/**
 * ResolvedAlertRetentionJob deletes alerts that resolved longer ago than
 * {@code zgw.retention.resolved-alerts}, and history rows older than
 * {@code zgw.retention.alert-history} of alerts that are not firing. A firing alert and
 * its history are never deleted, nor is an alert that a live notification log entry still
 * lists as firing: its resolution is held (during a mute) and the dispatcher reads the
 * row to send it.
 */
@DisallowConcurrentExecution
final class ResolvedAlertRetentionJob extends MaintenanceJob {

	private static final Logger log = LoggerFactory.getLogger(ResolvedAlertRetentionJob.class);

	private final DSLContext dsl;

	private final RetentionProperties properties;

	private final Counter alerts;

	private final Counter history;

	ResolvedAlertRetentionJob(DSLContext dsl, RetentionProperties properties, MeterRegistry meters) {
		this.dsl = dsl;
		this.properties = properties;
		this.alerts = deleted(meters, "alert");
		this.history = deleted(meters, "alert_history");
	}

	/** Deletes what is older than the retentions as of {@code now}. */
	@Override
	void run(Instant now) {
		int limit = this.properties.batchSize();
		// An alert is firing while its endsAt is unset or ahead (as AlertReader reads
		// it): the status column is only what the writer saw, and an Alertmanager-API
		// alert that is not re-sent resolves when its endsAt passes. The updated_at check
		// keeps an alert that was just written (say, re-sent as resolved).
		Field<LocalDateTime> resolvedBefore = UtcTimes.param(now.minus(this.properties.resolvedAlerts()));
		Condition oldResolved = ALERT.ENDS_AT.lt(resolvedBefore).and(ALERT.UPDATED_AT.lt(resolvedBefore));
		Field<LocalDateTime> nowParam = UtcTimes.param(now);
		long alerts = deleteUnheld(oldResolved, heldFingerprints(nowParam), limit);
		Condition oldHistory = ALERT_HISTORY.RECORDED_AT.lt(UtcTimes.param(now.minus(this.properties.alertHistory())))
			.andNotExists(selectOne().from(ALERT)
				.where(ALERT.ALERT_KEY.eq(ALERT_HISTORY.ALERT_KEY))
				.and(ALERT.ENDS_AT.isNull().or(ALERT.ENDS_AT.gt(nowParam))));
		long history = BatchedDelete.repeat(limit, this.history,
				(n) -> BatchedDelete.batch(this.dsl, ALERT_HISTORY, ALERT_HISTORY.ID, oldHistory, n));
		log.debug("Retention deleted {} resolved alerts and {} alert history rows", alerts, history);
	}

	/**
	 * Returns the fingerprints that unexpired notification log entries list as firing:
	 * the receiver was told they fire and has not been told they resolved.
	 */
	private Set<String> heldFingerprints(Field<LocalDateTime> now) {
		Set<String> held = new HashSet<>();
		for (String joined : this.dsl.select(NOTIFICATION_LOG.FIRING_FINGERPRINTS)
			.from(NOTIFICATION_LOG)
			.where(NOTIFICATION_LOG.EXPIRES_AT.ge(now))
			.fetch(NOTIFICATION_LOG.FIRING_FINGERPRINTS)) {
			held.addAll(FingerprintColumn.split(joined));
		}
		return held;
	}

	/**
	 * Deletes the alerts matching {@code old} whose fingerprint is not {@code held}, a
	 * page of {@code limit} keys at a time in key order, so that held rows never stop the
	 * walk; returns how many were deleted.
	 */
	private long deleteUnheld(Condition old, Set<String> held, int limit) {
		long total = 0;
		String after = "";
		List<Record2<String, String>> page;
		do {
			page = this.dsl.select(ALERT.ALERT_KEY, ALERT.FINGERPRINT)
				.from(ALERT)
				.where(old)
				.and(ALERT.ALERT_KEY.gt(after))
				.orderBy(ALERT.ALERT_KEY)
				.limit(limit)
				.fetch();
			List<String> keys = page.stream()
				.filter((row) -> !held.contains(row.value2()))
				.map(Record2::value1)
				.toList();
			if (!keys.isEmpty()) {
				int deleted = this.dsl.deleteFrom(ALERT).where(ALERT.ALERT_KEY.in(keys)).and(old).execute();
				this.alerts.increment(deleted);
				total += deleted;
			}
			if (!page.isEmpty()) {
				after = page.get(page.size() - 1).value1();
			}
		}
		while (page.size() == limit);
		return total;
	}

}
