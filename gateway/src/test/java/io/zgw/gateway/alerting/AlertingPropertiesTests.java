package io.zgw.gateway.alerting;

import java.time.Duration;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the defaults and start-up validation of {@link AlertingProperties}.
 */
class AlertingPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void defaultsMatchAlertmanagerAndTheDocumentedLimits() {
		this.runner.run((context) -> {
			AlertingProperties properties = context.getBean(AlertingProperties.class);
			assertThat(properties.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(properties.maxLabels()).isEqualTo(64);
			assertThat(properties.maxLabelValueLength()).isEqualTo(2048);
			assertThat(properties.zabbixTimeZone()).isEqualTo(ZoneId.systemDefault());
			assertThat(properties.writer().lanes()).isEqualTo(1);
			assertThat(properties.writer().queueCapacity()).isEqualTo(20000);
			assertThat(properties.writer().cacheSize()).isEqualTo(200000);
		});
	}

	@Test
	void invalidValueRefusesToStartNamingTheKey() {
		this.runner.withPropertyValues("zgw.alerting.max-labels=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zgw.alerting.max-labels");
		});
		this.runner.withPropertyValues("zgw.alerting.zabbix-time-zone=Mars/Olympus").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("zgw.alerting.zabbix-time-zone");
		});
	}

	@Test
	void unusableRoutingFileRefusesToStartNamingTheKey() {
		this.runner.withUserConfiguration(RoutingFileConfig.class)
			.withPropertyValues("zgw.alerting.routing-config-file=src/test/resources/alerting/missing.yml")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("zgw.alerting.routing-config-file");
			});
	}

	// The routing file and the calendar feeds it fetches calendar_urls with.
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DispatchProperties.class)
	@ComponentScan(basePackageClasses = RoutingFileConfig.class, useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = ".*\\.(RoutingFile|CalendarFeeds)"))
	static class RoutingFileConfig {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AlertingProperties.class)
	static class Config {

	}

}
