package io.zgw.alerts.silence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.timeinterval.InclusiveRange;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.alerts.timeinterval.TimeInterval;
import io.zgw.alerts.timeinterval.TimeRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SilencesTest {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	private static final LabelSet WEB = LabelSet.of(Map.of("alertname", "Down", "service", "web"));

	private static final TimeInterval NIGHTS = TimeInterval.ofTimes(new TimeRange(0, 6 * 60));

	private final Silences silences = new Silences(Map.of("nights", new NamedTimeInterval("nights", List.of(NIGHTS))));

	private static Silence silence(String id, String matchers, Instant start, Instant end, SilenceSchedule schedule) {
		return new Silence(id, Matchers.parse(matchers), start, end, "alice", "maintenance", schedule);
	}

	@Test
	void stateFollowsTheTimeRange() {
		Silence s = silence("a", "service=web", T0, T0.plusSeconds(60), null);
		assertThat(s.state(T0.minusSeconds(1))).isEqualTo(SilenceState.PENDING);
		assertThat(s.state(T0)).isEqualTo(SilenceState.ACTIVE);
		assertThat(s.state(T0.plusSeconds(60))).isEqualTo(SilenceState.EXPIRED);
	}

	@Test
	void activeSilenceMutesMatchingLabelsOnly() {
		this.silences.put(silence("a", "service=web", T0, T0.plusSeconds(3600), null));
		assertThat(this.silences.silencedBy(WEB, T0.plusSeconds(1))).containsExactly("a");
		assertThat(this.silences.silencedBy(LabelSet.of(Map.of("service", "db")), T0.plusSeconds(1))).isEmpty();
		assertThat(this.silences.silencedBy(WEB, T0.minusSeconds(1))).isEmpty();
	}

	@Test
	void expiringActiveEndsNowAndPendingStartsAndEndsNow() {
		this.silences.put(silence("a", "service=web", T0, T0.plusSeconds(3600), null));
		Silence expired = this.silences.expire("a", T0.plusSeconds(10));
		assertThat(expired.endsAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(this.silences.silencedBy(WEB, T0.plusSeconds(10))).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> this.silences.expire("a", T0.plusSeconds(20)));

		Silence pending = silence("b", "service=web", T0.plusSeconds(600), T0.plusSeconds(3600), null).expire(T0);
		assertThat(pending.startsAt()).isEqualTo(T0);
		assertThat(pending.state(T0)).isEqualTo(SilenceState.EXPIRED);
	}

	@Test
	void validationRejectsSilencesThatWouldMuteEverything() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> silence("a", "service=~\".*\"", T0, T0.plusSeconds(1), null).validate())
			.withMessageContaining("at least one matcher must not match the empty string");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> silence("a", "service=\"\",host=~\"x?\"", T0, T0.plusSeconds(1), null).validate())
			.withMessageContaining("at least one matcher must not match the empty string");
		// As Alertmanager, a negative matcher alone is a valid silence: everything but
		// the critical alerts, during a maintenance.
		assertThat(silence("a", "severity!=\"critical\"", T0, T0.plusSeconds(1), null).validate().id()).isEqualTo("a");
		assertThat(silence("a", "env!~\"prod.*\"", T0, T0.plusSeconds(1), null).validate().id()).isEqualTo("a");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> silence("a", "{}", T0, T0.plusSeconds(1), null).validate())
			.withMessageContaining("at least one matcher required");
		assertThatIllegalArgumentException().isThrownBy(() -> silence("a", "service=web", T0, T0, null).validate())
			.withMessageContaining("endsAt");
		assertThatIllegalArgumentException().isThrownBy(() -> Matchers.parse("service=~\"[\""))
			.withMessageContaining("service=~\"[\"");
	}

	@Test
	void recurringSilenceMutesOnlyInsideItsNamedInterval() {
		this.silences
			.put(silence("n", "service=web", T0, T0.plus(Duration.ofDays(7)), new SilenceSchedule.Named("nights")));
		assertThat(this.silences.silencedBy(WEB, Instant.parse("2026-11-28T03:00:00Z"))).containsExactly("n");
		assertThat(this.silences.silencedBy(WEB, Instant.parse("2026-11-28T12:00:00Z"))).isEmpty();
		// Outside startsAt..endsAt the schedule does not matter.
		assertThat(this.silences.silencedBy(WEB, Instant.parse("2026-12-05T03:00:00Z"))).isEmpty();
	}

	@Test
	void recurringSilenceWithInlineScheduleMutesOnWeekendsOnly() {
		TimeInterval weekend = new TimeInterval(List.of(),
				List.of(InclusiveRange.weekdays("saturday"), InclusiveRange.weekdays("sunday")), List.of(), List.of(),
				List.of(), ZoneOffset.UTC);
		this.silences.put(silence("w", "service=web", T0, T0.plus(Duration.ofDays(30)),
				new SilenceSchedule.Inline(List.of(weekend))));
		assertThat(this.silences.silencedBy(WEB, Instant.parse("2026-11-29T12:00:00Z"))).containsExactly("w");
		assertThat(this.silences.silencedBy(WEB, Instant.parse("2026-11-30T12:00:00Z"))).isEmpty();
	}

	@Test
	void namedScheduleIsLookedUpWhenEvaluatedSoAChangedOrRemovedIntervalCounts() {
		Silence silence = silence("n", "service=web", T0, T0.plus(Duration.ofDays(7)),
				new SilenceSchedule.Named("nights"));
		Map<String, NamedTimeInterval> config = new HashMap<>();
		config.put("nights", new NamedTimeInterval("nights", List.of(NIGHTS)));
		Instant threeAm = Instant.parse("2026-11-28T03:00:00Z");
		assertThat(silence.inEffect(threeAm, config::get)).isTrue();
		config.put("nights",
				new NamedTimeInterval("nights", List.of(TimeInterval.ofTimes(new TimeRange(22 * 60, 24 * 60)))));
		assertThat(silence.inEffect(threeAm, config::get)).isFalse();
		assertThat(silence.inEffect(Instant.parse("2026-11-28T23:00:00Z"), config::get)).isTrue();
		config.clear();
		assertThat(silence.inEffect(Instant.parse("2026-11-28T23:00:00Z"), config::get)).isFalse();
	}

	@Test
	void scheduleNamingUnknownIntervalIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.silences
				.put(silence("x", "service=web", T0, T0.plusSeconds(60), new SilenceSchedule.Named("weekends"))))
			.withMessageContaining("unknown time interval \"weekends\"");
	}

	@Test
	void gcDropsSilencesExpiredLongerThanTheRetention() {
		this.silences.put(silence("a", "service=web", T0, T0.plusSeconds(60), null));
		assertThat(this.silences.gc(T0.plus(Duration.ofHours(100)), Silences.DEFAULT_RETENTION)).isZero();
		assertThat(this.silences.gc(T0.plus(Duration.ofHours(121)), Silences.DEFAULT_RETENTION)).isOne();
		assertThat(this.silences.list()).isEmpty();
	}

}
