package io.zgw.alerts.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Go's {@code time.ParseDuration}, case by case as Go answers them.
 */
class GoDurationTest {

	@Test
	void parsesGoDurations() {
		assertThat(GoDuration.parse("0")).isZero();
		assertThat(GoDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
		assertThat(GoDuration.parse(".5s")).isEqualTo(Duration.ofMillis(500));
		assertThat(GoDuration.parse("2.s")).isEqualTo(Duration.ofSeconds(2));
		assertThat(GoDuration.parse("1m30s250ms")).isEqualTo(Duration.ofMillis(90_250));
		assertThat(GoDuration.parse("3us")).isEqualTo(Duration.ofNanos(3_000));
		assertThat(GoDuration.parse("3µs")).isEqualTo(Duration.ofNanos(3_000));
		assertThat(GoDuration.parse("-1m")).isEqualTo(Duration.ofMinutes(-1));
		assertThat(GoDuration.parse("+10ns")).isEqualTo(Duration.ofNanos(10));
	}

	@Test
	void refusesWhatGoRefusesWithGosMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse("1d"))
			.withMessage("time: unknown unit \"d\" in duration \"1d\"");
		for (String bad : new String[] { "", "60", "s", ".s", "1h 30m", "1.2.3s", "-", "h1" }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> GoDuration.parse(bad))
				.withMessage("time: invalid duration \"" + bad + "\"");
		}
	}

}
