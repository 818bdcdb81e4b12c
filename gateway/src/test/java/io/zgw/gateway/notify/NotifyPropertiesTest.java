package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyPropertiesTest {

	private static NotifyProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("zgw.notify",
				NotifyProperties.class);
	}

	@Test
	void defaultsMatchTheDocumentedBackoffAndTimeouts() {
		NotifyProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.retry().initial()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.retry().max()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.retry().multiplier()).isEqualTo(2.0);
		assertThat(properties.maxAge()).as("retry for ever").isZero();
	}

	@Test
	void negativeMaxAgeIsRefusedNamingTheKey() {
		assertThatThrownBy(() -> bind(Map.of("zgw.notify.max-age", "-1h"))).rootCause()
			.hasMessage("zgw.notify.max-age must be 0 (never) or positive, got PT-1H");
		assertThat(bind(Map.of("zgw.notify.max-age", "1d")).maxAge()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void leaseShorterThanTwoTimeoutsIsRefusedNamingTheKey() {
		assertThatThrownBy(() -> bind(Map.of("zgw.notify.timeout", "30s", "zgw.notify.lease", "40s"))).rootCause()
			.hasMessage("zgw.notify.lease must be at least twice zgw.notify.timeout (PT30S), got PT40S");
	}

	@Test
	void backoffMultiplierBelowOneIsRefusedNamingTheKey() {
		assertThatThrownBy(() -> bind(Map.of("zgw.notify.retry.multiplier", "0.5"))).rootCause()
			.hasMessage("backoff multiplier must be >= 1, got 0.5");
		assertThatThrownBy(() -> bind(Map.of("zgw.notify.retry.multiplier", "0.5")))
			.hasStackTraceContaining("zgw.notify.retry: backoff multiplier");
	}

}
