package io.zgw.gateway.retention;

import java.time.Instant;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.UtcTimes;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.zgw.sql.Tables.NOTIFICATION_LOG;

/**
 * AlertmanagerGcJob does what Alertmanager's own maintenance does: deletes silences that
 * expired longer ago than {@code zgw.retention.silences} (120 h by default, as
 * Alertmanager's {@code --data.retention}) and notification log entries that expired.
 */
@DisallowConcurrentExecution
final class AlertmanagerGcJob extends MaintenanceJob {

	private static final Logger log = LoggerFactory.getLogger(AlertmanagerGcJob.class);

	private final SilenceStore silences;

	private final DSLContext dsl;

	private final RetentionProperties properties;

	private final Counter silencesDeleted;

	private final Counter entriesDeleted;

	AlertmanagerGcJob(SilenceStore silences, DSLContext dsl, RetentionProperties properties, MeterRegistry meters) {
		this.silences = silences;
		this.dsl = dsl;
		this.properties = properties;
		this.silencesDeleted = deleted(meters, "silence");
		this.entriesDeleted = deleted(meters, "notification_log");
	}

	/** Deletes what is garbage as of {@code now}. */
	@Override
	void run(Instant now) {
		int silences = this.silences.deleteEndedBefore(now.minus(this.properties.silences()));
		this.silencesDeleted.increment(silences);
		// The dispatcher reads only unexpired entries; an expired one is as good as none.
		Field<LocalDateTime> expiredBefore = UtcTimes.param(now);
		long entries = BatchedDelete.repeat(this.properties.batchSize(), this.entriesDeleted,
				(limit) -> this.dsl.deleteFrom(NOTIFICATION_LOG)
					.where(NOTIFICATION_LOG.EXPIRES_AT.lt(expiredBefore))
					.limit(limit)
					.execute());
		log.debug("Garbage collection deleted {} old silences and {} expired notification log entries", silences,
				entries);
	}

}
