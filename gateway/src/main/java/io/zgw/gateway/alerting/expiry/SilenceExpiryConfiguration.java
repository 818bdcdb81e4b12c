package io.zgw.gateway.alerting.expiry;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SilenceExpiryConfiguration checks the silences every
 * {@code zgw.alerting.silence-expiry.check} with the clustered Quartz scheduler, on one
 * replica at a time; with no notice set the check returns at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SilenceExpiryProperties.class)
class SilenceExpiryConfiguration {

	private static final String NAME = "silence-expiry-notices";

	private static final String GROUP = "zgw-alerting";

	@Bean
	JobDetail silenceExpiryJob() {
		return JobBuilder.newJob(SilenceExpiryJob.class).withIdentity(NAME, GROUP).storeDurably().build();
	}

	// As the maintenance jobs: each start replaces the stored trigger, so a changed
	// interval applies; a missed run is made up at once.
	@Bean
	Trigger silenceExpiryTrigger(JobDetail silenceExpiryJob, SilenceExpiryProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(silenceExpiryJob)
			.withIdentity(NAME, GROUP)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.check().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNowWithExistingCount())
			.startNow()
			.build();
	}

	/** SilenceExpiryJob runs one check; a failed one is logged and left to the next. */
	@DisallowConcurrentExecution
	static final class SilenceExpiryJob implements Job {

		private static final Logger log = LoggerFactory.getLogger(SilenceExpiryJob.class);

		private final SilenceExpiryNotices notices;

		SilenceExpiryJob(SilenceExpiryNotices notices) {
			this.notices = notices;
		}

		@Override
		public void execute(JobExecutionContext context) {
			try {
				this.notices.checkNow();
			}
			catch (RuntimeException ex) {
				log.warn("Silence expiry check failed: {}", ex.toString());
			}
		}

	}

}
