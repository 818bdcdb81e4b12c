package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.Map;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.AlertWriter.Known;
import io.zgw.gateway.alerting.store.AlertWriter.Merge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests how {@link AlertWriter#merge} applies a re-sent alert, as Alertmanager does.
 */
class AlertWriterMergeTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	@Test
	void firstSightingIsCreated() {
		Merge merge = AlertWriter.merge(null, alert("11:00", "12:05"), NOW);
		assertThat(merge.change()).isEqualTo(ChangeKind.CREATED);
		assertThat(merge.next()).isEqualTo(new Known(at("11:00"), at("12:05"), false));
	}

	@Test
	void resendOfFiringAlertKeepsEarliestStartTakesNewEndAndIsNoStateChange() {
		Merge merge = AlertWriter.merge(new Known(at("10:00"), at("12:01"), false), alert("11:00", "12:10"), NOW);
		assertThat(merge.change()).isNull();
		assertThat(merge.next()).isEqualTo(new Known(at("10:00"), at("12:10"), false));
	}

	@Test
	void endInThePastResolvesFiringAlert() {
		Merge merge = AlertWriter.merge(new Known(at("10:00"), at("12:01"), false), alert("10:00", "11:59"), NOW);
		assertThat(merge.change()).isEqualTo(ChangeKind.RESOLVED);
		assertThat(merge.next().endsAt()).isEqualTo(at("11:59"));
	}

	@Test
	void firingAgainAfterResolutionStartsAnew() {
		Merge merge = AlertWriter.merge(new Known(at("09:00"), at("10:00"), false), alert("11:30", "12:05"), NOW);
		assertThat(merge.change()).isEqualTo(ChangeKind.REFIRED);
		assertThat(merge.next()).isEqualTo(new Known(at("11:30"), at("12:05"), false));
	}

	@Test
	void resendOfResolvedAlertIsNoStateChange() {
		Merge merge = AlertWriter.merge(new Known(at("09:00"), at("10:00"), false), alert("09:00", "10:00"), NOW);
		assertThat(merge.change()).isNull();
	}

	@Test
	void laterEndItsSenderGaveStaysWhileFiringAndOneFromTheTimeoutDoesNot() {
		// As Alertmanager 0.25 answered: an explicit end stays against an earlier
		// explicit end and against the timeout's; the merged alert's end is then the
		// timeout's kind, which the next re-send replaces.
		Merge earlier = AlertWriter.merge(new Known(at("10:00"), at("13:00"), false), alert("11:00", "12:30"), NOW);
		assertThat(earlier.change()).isNull();
		assertThat(earlier.next()).isEqualTo(new Known(at("10:00"), at("13:00"), false));
		Merge timedOut = AlertWriter.merge(earlier.next(), timeout("11:00", "12:05"), NOW);
		assertThat(timedOut.next()).isEqualTo(new Known(at("10:00"), at("13:00"), true));
		Merge next = AlertWriter.merge(timedOut.next(), timeout("11:00", "12:06"), NOW);
		assertThat(next.next()).isEqualTo(new Known(at("10:00"), at("12:06"), true));
	}

	@Test
	void earlierEndInThePastStillResolvesAndTheLaterOfTwoResolutionsStays() {
		Merge resolved = AlertWriter.merge(new Known(at("10:00"), at("13:00"), false), alert("10:00", "11:50"), NOW);
		assertThat(resolved.change()).isEqualTo(ChangeKind.RESOLVED);
		assertThat(resolved.next().endsAt()).isEqualTo(at("11:50"));
		Merge again = AlertWriter.merge(resolved.next(), alert("10:00", "11:40"), NOW);
		assertThat(again.change()).isNull();
		assertThat(again.next().endsAt()).isEqualTo(at("11:50"));
	}

	private static AlertUpsert alert(String startsAt, String endsAt) {
		return new AlertUpsert(LabelSet.of(Map.of("alertname", "A")), Map.of(), "", at(startsAt), at(endsAt), false);
	}

	private static AlertUpsert timeout(String startsAt, String endsAt) {
		return new AlertUpsert(LabelSet.of(Map.of("alertname", "A")), Map.of(), "", at(startsAt), at(endsAt), true);
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-28T" + time + ":00Z");
	}

}
