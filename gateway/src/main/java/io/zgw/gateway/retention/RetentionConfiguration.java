package io.zgw.gateway.retention;

import java.time.Duration;

import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * RetentionConfiguration registers the maintenance jobs with the clustered Quartz
 * scheduler (job store in MariaDB, {@code spring.quartz.*}): each runs every
 * {@code zgw.retention.interval} and at every start, on one replica at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

	/** Quartz group of the maintenance jobs and their triggers. */
	static final String GROUP = "zgw-retention";

	@Bean
	JobDetail resolvedAlertRetentionJob(RetentionProperties retention, DispatchProperties dispatch) {
		if (retention.resolvedAlerts().compareTo(dispatch.resolvedLookback()) <= 0) {
			// A rebuilt dispatcher reads the alerts resolved within the look-back to send
			// their resolved notifications: they must still be there.
			throw new IllegalArgumentException(
					"zgw.retention.resolved-alerts must be longer than " + "zgw.alerting.dispatch.resolved-lookback ("
							+ dispatch.resolvedLookback() + "), got " + retention.resolvedAlerts());
		}
		return job(ResolvedAlertRetentionJob.class, "resolved-alerts");
	}

	@Bean
	Trigger resolvedAlertRetentionTrigger(JobDetail resolvedAlertRetentionJob, RetentionProperties retention) {
		return every(resolvedAlertRetentionJob, retention.interval());
	}

	@Bean
	JobDetail outboxRetentionJob() {
		return job(OutboxRetentionJob.class, "outbox");
	}

	@Bean
	Trigger outboxRetentionTrigger(JobDetail outboxRetentionJob, RetentionProperties retention) {
		return every(outboxRetentionJob, retention.interval());
	}

	@Bean
	JobDetail alertmanagerGcJob() {
		return job(AlertmanagerGcJob.class, "silences-and-notification-log");
	}

	@Bean
	Trigger alertmanagerGcTrigger(JobDetail alertmanagerGcJob, RetentionProperties retention) {
		return every(alertmanagerGcJob, retention.interval());
	}

	private static JobDetail job(Class<? extends Job> type, String name) {
		return JobBuilder.newJob(type).withIdentity(name, GROUP).storeDurably().build();
	}

	// Starts now: with spring.quartz.overwrite-existing-jobs each start replaces the
	// stored trigger, so a changed interval applies and a replica that restarts more
	// often than the interval still purges. A run missed while every replica was down
	// or busy is made up at once.
	private static Trigger every(JobDetail job, Duration interval) {
		return TriggerBuilder.newTrigger()
			.forJob(job)
			.withIdentity(job.getKey().getName(), GROUP)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNowWithExistingCount())
			.startNow()
			.build();
	}

}
