package io.zgw.gateway.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.PipelineTestSupport;
import io.zgw.gateway.alerting.expiry.SilenceExpiryNotices;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.AlertWriter;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredSilence;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests the maintenance jobs on the clustered Quartz scheduler the gateway configures:
 * they are stored in MariaDB and run there, and a second scheduler on the same database
 * joins the cluster, which then runs a job on one instance at a time. The silence expiry
 * check runs on the same scheduler.
 */
@SpringBootTest(properties = { "spring.quartz.auto-startup=true", "zgw.notify.enabled=false",
		"zgw.alerting.dispatch.enabled=false", "zgw.alerting.silence-expiry.notice=1h",
		// Production waits up to 30 s for triggers scheduled elsewhere; here the other
		// instance should notice the test's trigger within a second.
		"spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000" })
@ActiveProfiles("it")
@DirtiesContext
class RetentionSchedulingIntegrationTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabase(registry, "quartz");
	}

	@Autowired
	Scheduler scheduler;

	@Autowired
	QuartzProperties quartz;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationContext context;

	@Autowired
	DSLContext dsl;

	@Autowired
	SilenceStore silences;

	@Autowired
	AlertWriter writer;

	@Autowired
	AlertReader alerts;

	@Test
	void maintenanceJobsAreStoredInTheJdbcJobStoreAndRunFromThere() throws Exception {
		assertThat(this.scheduler.getMetaData().isJobStoreClustered()).isTrue();
		assertThat(this.scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
		assertThat(strings("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? " + "AND TRIGGER_GROUP = ?",
				"zgw", RetentionConfiguration.GROUP))
			.containsExactlyInAnyOrder("resolved-alerts", "outbox", "silences-and-notification-log");
		assertThat(strings("SELECT JOB_CLASS_NAME FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = ? " + "AND JOB_GROUP = ?",
				"zgw", RetentionConfiguration.GROUP))
			.containsExactlyInAnyOrder(ResolvedAlertRetentionJob.class.getName(), OutboxRetentionJob.class.getName(),
					AlertmanagerGcJob.class.getName());

		// Run by Quartz, the job gets its beans from the context and does its work.
		Instant longAgo = Instant.now().minus(Duration.ofDays(30));
		long old = RetentionJobsIntegrationTests.outboxRow(this.dsl, longAgo, longAgo, null);
		this.scheduler.triggerJob(JobKey.jobKey("outbox", RetentionConfiguration.GROUP));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.dsl.fetchExists(OUTBOX, OUTBOX.ID.eq(old)));
	}

	@Test
	void silenceExpiryCheckRunsOnTheScheduler() throws Exception {
		String host = "expiring-" + System.nanoTime();
		Instant now = Instant.now();
		this.silences.save(new StoredSilence(UUID.randomUUID().toString(),
				List.of(new StoredSilence.Matcher("host", host, false, true)), now.minus(Duration.ofHours(2)),
				now.plus(Duration.ofMinutes(30)), "tester", "expiring", null, now));
		this.writer
			.submit(new AlertUpsert(LabelSet.of(Map.of("alertname", "Muted", "host", host)), Map.of(), "",
					now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), false))
			.get(10, TimeUnit.SECONDS);

		this.scheduler.triggerJob(JobKey.jobKey("silence-expiry-notices", "zgw-alerting"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.alerts.firingAt(Instant.now())
				.stream()
				.anyMatch((alert) -> alert.labels().get("alertname").equals(SilenceExpiryNotices.ALERTNAME)
						&& alert.annotations().getOrDefault("matchers", "").contains(host)));
	}

	@Test
	void twoSchedulersFormOneClusterThatRunsAJobOnOneInstanceAtATime() throws Exception {
		SchedulerFactoryBean secondFactory = secondScheduler("second-instance");
		JobKey job = JobKey.jobKey("holding-" + System.nanoTime(), "test");
		try {
			Scheduler second = secondFactory.getScheduler();
			String first = this.scheduler.getSchedulerInstanceId();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> strings("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?", "zgw")
					.containsAll(List.of(first, second.getSchedulerInstanceId())));

			HoldingJob.reset();
			Trigger everyFewMillis = TriggerBuilder.newTrigger()
				.withIdentity(job.getName(), job.getGroup())
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(20).repeatForever())
				.startNow()
				.build();
			this.scheduler.scheduleJob(JobBuilder.newJob(HoldingJob.class).withIdentity(job).build(), everyFewMillis);

			// While the first run is held, the cluster keeps the job's trigger blocked on
			// every instance: one fired trigger, executing.
			await().atMost(Duration.ofSeconds(30)).until(() -> HoldingJob.executions.size() == 1);
			assertThat(strings("SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE SCHED_NAME = 'zgw' "
					+ "AND TRIGGER_NAME = ? AND TRIGGER_GROUP = ?", job.getName(), job.getGroup()))
				.containsExactly("BLOCKED");
			assertThat(strings("SELECT STATE FROM QRTZ_FIRED_TRIGGERS WHERE SCHED_NAME = 'zgw' "
					+ "AND JOB_NAME = ? AND JOB_GROUP = ?", job.getName(), job.getGroup()))
				.containsExactly("EXECUTING");
			HoldingJob.release.countDown();

			// With this instance on standby, the other one runs the job from the shared
			// store.
			this.scheduler.standby();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> HoldingJob.ranOn().contains(second.getSchedulerInstanceId()));
			this.scheduler.start();
			int seen = HoldingJob.executions.size();
			await().atMost(Duration.ofSeconds(30)).until(() -> HoldingJob.executions.size() >= seen + 20);
			this.scheduler.deleteJob(job);

			assertThat(HoldingJob.maxRunning.get()).as("runs at once").isEqualTo(1);
			List<Long> fireTimes = HoldingJob.fireTimes();
			assertThat(fireTimes).as("each scheduled firing ran on one instance").doesNotHaveDuplicates();
		}
		finally {
			this.scheduler.deleteJob(job);
			secondFactory.destroy();
		}
	}

	private List<String> strings(String sql, Object... bindings) {
		return this.dsl.fetch(sql, bindings).getValues(0, String.class);
	}

	// A second member of the cluster, configured as the gateway configures its own.
	private SchedulerFactoryBean secondScheduler(String instanceId) throws Exception {
		Properties properties = new Properties();
		properties.putAll(this.quartz.getProperties());
		properties.put("org.quartz.scheduler.instanceId", instanceId);
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setSchedulerName(this.quartz.getSchedulerName());
		factory.setQuartzProperties(properties);
		factory.setDataSource(this.dataSource);
		factory.setTransactionManager(this.transactions);
		SpringBeanJobFactory jobs = new SpringBeanJobFactory();
		jobs.setApplicationContext(this.context);
		factory.setJobFactory(jobs);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * HoldingJob records where and for which scheduled time it ran and how many of it ran
	 * at once; the first run waits until the test releases it.
	 */
	@DisallowConcurrentExecution
	public static class HoldingJob implements Job {

		static final List<String[]> executions = Collections.synchronizedList(new ArrayList<>());

		static final AtomicInteger running = new AtomicInteger();

		static final AtomicInteger maxRunning = new AtomicInteger();

		static volatile CountDownLatch release = new CountDownLatch(1);

		static void reset() {
			executions.clear();
			maxRunning.set(0);
			release = new CountDownLatch(1);
		}

		static List<String> ranOn() {
			synchronized (executions) {
				return executions.stream().map((e) -> e[0]).toList();
			}
		}

		static List<Long> fireTimes() {
			synchronized (executions) {
				return executions.stream().map((e) -> Long.valueOf(e[1])).toList();
			}
		}

		@Override
		public void execute(JobExecutionContext context) {
			maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				executions.add(
						new String[] { instanceId(context), String.valueOf(context.getScheduledFireTime().getTime()) });
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				running.decrementAndGet();
			}
		}

		private static String instanceId(JobExecutionContext context) {
			try {
				return context.getScheduler().getSchedulerInstanceId();
			}
			catch (SchedulerException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
