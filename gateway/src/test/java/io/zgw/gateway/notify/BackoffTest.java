package io.zgw.gateway.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	private static Backoff defaults(double random) {
		return new Backoff(Backoff.DEFAULT_INITIAL, Backoff.DEFAULT_MAX, Backoff.DEFAULT_MULTIPLIER,
				Backoff.DEFAULT_JITTER, () -> random);
	}

	@Test
	void waitDoublesFromOneSecondUntilCappedAtFiveMinutes() {
		Backoff backoff = defaults(0.0);
		assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(backoff.delay(9)).isEqualTo(Duration.ofSeconds(256));
		assertThat(backoff.delay(10)).isEqualTo(Duration.ofMinutes(5));
		assertThat(backoff.delay(1000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void jitterOnlyShortensTheWaitByAtMostItsFraction() {
		assertThat(defaults(0.999).delay(3)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(3201));
		assertThat(defaults(0.5).delay(3)).isEqualTo(Duration.ofMillis(3600));
		assertThat(defaults(0.999).delay(1000)).isLessThanOrEqualTo(Duration.ofMinutes(5))
			.isGreaterThanOrEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void badSettingsAreRefusedNamingTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 2, 0.2, () -> 0))
			.withMessageContaining("initial");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.5, 0.2, () -> 0))
			.withMessageContaining("0.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2, 1.0, () -> 0))
			.withMessageContaining("jitter");
	}

}
