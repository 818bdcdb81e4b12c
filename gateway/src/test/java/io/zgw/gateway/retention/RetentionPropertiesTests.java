package io.zgw.gateway.retention;

import java.time.Duration;

import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.SimpleTrigger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the defaults of {@link RetentionProperties} and that bad values refuse start-up
 * naming the key.
 */
class RetentionPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsAreDocumentedOnesAndEveryJobRunsAtTheInterval() {
		this.runner.withPropertyValues("zgw.retention.interval=15m").run((context) -> {
			RetentionProperties properties = context.getBean(RetentionProperties.class);
			assertThat(properties.resolvedAlerts()).isEqualTo(Duration.ofDays(7));
			assertThat(properties.alertHistory()).isEqualTo(Duration.ofDays(30));
			assertThat(properties.outbox()).isEqualTo(Duration.ofDays(7));
			assertThat(properties.silences()).isEqualTo(Duration.ofHours(120));
			assertThat(properties.batchSize()).isEqualTo(5000);
			assertThat(context.getBeansOfType(JobDetail.class)).hasSize(3);
			assertThat(context.getBeansOfType(SimpleTrigger.class).values()).hasSize(3)
				.allSatisfy((trigger) -> assertThat(trigger.getRepeatInterval())
					.isEqualTo(Duration.ofMinutes(15).toMillis()));
		});
	}

	@Test
	void nonPositiveValuesRefuseToStartNamingTheKey() {
		this.runner.withPropertyValues("zgw.retention.resolved-alerts=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("zgw.retention.resolved-alerts must be positive, got PT0S");
		});
		this.runner.withPropertyValues("zgw.retention.outbox=-1d").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("zgw.retention.outbox must be positive, got PT-24H");
		});
		this.runner.withPropertyValues("zgw.retention.batch-size=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("zgw.retention.batch-size must be positive, got 0");
		});
	}

	@Test
	void resolvedAlertsKeptShorterThanTheDispatchersLookBackRefuseToStart() {
		this.runner.withPropertyValues("zgw.retention.resolved-alerts=2h", "zgw.alerting.dispatch.resolved-lookback=3h")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("zgw.retention.resolved-alerts must be longer than "
							+ "zgw.alerting.dispatch.resolved-lookback (PT3H), got PT2H");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DispatchProperties.class)
	@Import(RetentionConfiguration.class)
	static class Config {

	}

}
