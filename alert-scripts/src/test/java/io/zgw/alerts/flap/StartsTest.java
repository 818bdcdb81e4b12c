package io.zgw.alerts.flap;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartsTest {

	private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

	@Test
	void aStartSeenAgainCountsOnceEvenWithMoreThanTheStoresMilliseconds() {
		Starts starts = new Starts(Duration.ofHours(1));
		// The writer publishes the time it was given; the store gives it back to the
		// millisecond.
		starts.record("a", T0.plusNanos(123_456_789), T0);
		starts.record("a", T0.plusMillis(123), T0.plusSeconds(60));
		starts.record("a", T0.plusSeconds(600), T0.plusSeconds(600));
		assertThat(starts.within("a", Duration.ofHours(1), T0.plusSeconds(600))).isEqualTo(2);
		assertThat(starts.within("b", Duration.ofHours(1), T0.plusSeconds(600))).isZero();
	}

	@Test
	void startsOutsideTheWindowAreNeitherCountedNorKept() {
		Starts starts = new Starts(Duration.ofHours(1));
		starts.record("a", T0, T0);
		starts.record("a", T0.plusSeconds(1800), T0.plusSeconds(1800));
		assertThat(starts.within("a", Duration.ofMinutes(30), T0.plusSeconds(1800))).isEqualTo(1);
		starts.record("a", T0, T0.plusSeconds(7200));
		starts.forgetOld(T0.plusSeconds(3601));
		assertThat(starts.within("a", Duration.ofHours(2), T0.plusSeconds(3601))).isEqualTo(1);
		assertThat(new Starts(Duration.ZERO)).satisfies((off) -> {
			off.record("a", T0, T0);
			assertThat(off.within("a", Duration.ofHours(1), T0)).isZero();
		});
	}

}
