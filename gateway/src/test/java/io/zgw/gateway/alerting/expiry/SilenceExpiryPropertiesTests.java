package io.zgw.gateway.alerting.expiry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the defaults and start-up validation of {@link SilenceExpiryProperties}.
 */
class SilenceExpiryPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void noNoticesByDefaultAsAlertmanager() {
		this.runner.run((context) -> {
			SilenceExpiryProperties properties = context.getBean(SilenceExpiryProperties.class);
			assertThat(properties.notice()).isZero();
			assertThat(properties.check()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void invalidValueRefusesToStartNamingTheKey() {
		this.runner.withPropertyValues("zgw.alerting.silence-expiry.notice=-1h").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("zgw.alerting.silence-expiry.notice");
		});
		this.runner.withPropertyValues("zgw.alerting.silence-expiry.check=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("zgw.alerting.silence-expiry.check");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SilenceExpiryProperties.class)
	static class Config {

	}

}
