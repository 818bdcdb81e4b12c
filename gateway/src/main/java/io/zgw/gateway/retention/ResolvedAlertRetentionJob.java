package io.zgw.gateway.retention;

import java.time.Instant;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.store.UtcTimes;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.zgw.sql.Tables.ALERT;
import static io.zgw.sql.Tables.ALERT_HISTORY;
import static org.jooq.impl.DSL.selectOne;

/**
 * ResolvedAlertRetentionJob deletes alerts that resolved longer ago than
 * {@code zgw.retention.resolved-alerts}, and history rows older than
 * {@code zgw.retention.alert-history} of alerts that are not firing. A firing alert and
 * its history are never deleted.
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
		long alerts = BatchedDelete.repeat(limit, this.alerts,
				(n) -> BatchedDelete.batch(this.dsl, ALERT, ALERT.ALERT_KEY, oldResolved, n));
		Field<LocalDateTime> nowParam = UtcTimes.param(now);
		Condition oldHistory = ALERT_HISTORY.RECORDED_AT.lt(UtcTimes.param(now.minus(this.properties.alertHistory())))
			.andNotExists(selectOne().from(ALERT)
				.where(ALERT.ALERT_KEY.eq(ALERT_HISTORY.ALERT_KEY))
				.and(ALERT.ENDS_AT.isNull().or(ALERT.ENDS_AT.gt(nowParam))));
		long history = BatchedDelete.repeat(limit, this.history,
				(n) -> BatchedDelete.batch(this.dsl, ALERT_HISTORY, ALERT_HISTORY.ID, oldHistory, n));
		log.debug("Retention deleted {} resolved alerts and {} alert history rows", alerts, history);
	}

}
