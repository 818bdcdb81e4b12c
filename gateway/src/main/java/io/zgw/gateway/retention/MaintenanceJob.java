package io.zgw.gateway.retention;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.AlertingMetrics;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaintenanceJob is a Quartz job that deletes what is old as of its fire time; a failed
 * run is logged and left to the next one, which goes on from where it stopped.
 */
abstract class MaintenanceJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceJob.class);

	@Override
	public final void execute(JobExecutionContext context) {
		try {
			run(context.getFireTime().toInstant());
		}
		catch (RuntimeException ex) {
			// Batches already committed stay deleted and counted.
			log.warn("Maintenance job {} failed: {}", context.getJobDetail().getKey(), ex.toString());
		}
	}

	/** Deletes what is past its retention as of {@code now}. */
	abstract void run(Instant now);

	/** Returns the counter of rows deleted from {@code table}. */
	static Counter deleted(MeterRegistry meters, String table) {
		return Counter.builder(AlertingMetrics.RETENTION_DELETED)
			.description("Rows deleted by the retention and garbage collection jobs")
			.tag(AlertingMetrics.TAG_KIND, table)
			.register(meters);
	}

}
