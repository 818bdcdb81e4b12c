package io.zgw.gateway.alerting.dispatch;

import java.time.Instant;
import java.util.Map;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.alerting.store.StoredAlert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedProblemsTest {

	private static final Instant T0 = Instant.parse("2026-12-07T18:00:00Z");

	private static final LabelSet LABELS = LabelSet.of(Map.of("alertname", "Multi mode", "host", "web-01"));

	private final SharedProblems problems = new SharedProblems();

	@Test
	void labelsStayFiringUntilTheLastOfTheirProblemsCloses() {
		this.problems.fold(problem("1", 0, null, false), T0);
		this.problems.fold(problem("2", 60, null, false), T0.plusSeconds(60));

		StoredAlert afterFirstRecovery = this.problems.fold(problem("1", 0, 120L, false), T0.plusSeconds(121));
		assertThat(afterFirstRecovery.alertKey()).isEqualTo("zabbix:shop:2");
		assertThat(afterFirstRecovery.firingAt(T0.plusSeconds(121))).isTrue();

		StoredAlert afterLast = this.problems.fold(problem("2", 60, 180L, false), T0.plusSeconds(181));
		assertThat(afterLast.alertKey()).isEqualTo("zabbix:shop:2");
		assertThat(afterLast.firingAt(T0.plusSeconds(181))).isFalse();
	}

	@Test
	void aLateRecoveryOfAnEarlierProblemDoesNotResolveTheNextOne() {
		this.problems.fold(problem("1", 0, null, false), T0);
		this.problems.fold(problem("2", 60, null, false), T0.plusSeconds(60));

		StoredAlert seen = this.problems.fold(problem("1", 0, 30L, false), T0.plusSeconds(61));

		assertThat(seen.alertKey()).isEqualTo("zabbix:shop:2");
		assertThat(seen.firingAt(T0.plusSeconds(61))).isTrue();
	}

	@Test
	void theEarliestOpenProblemStandsForThemAcknowledgedOnlyIfAllAre() {
		this.problems.fold(problem("1", 0, null, false), T0);

		StoredAlert oneAcknowledged = this.problems.fold(problem("2", 60, null, true), T0.plusSeconds(60));
		assertThat(oneAcknowledged.alertKey()).isEqualTo("zabbix:shop:1");
		assertThat(oneAcknowledged.acknowledged()).isFalse();

		StoredAlert both = this.problems.fold(problem("1", 0, null, true), T0.plusSeconds(70));
		assertThat(both.acknowledged()).isTrue();
	}

	@Test
	void aProblemAloneAndAlertmanagerAlertsPassThrough() {
		StoredAlert alone = problem("7", 0, null, true);
		StoredAlert posted = new StoredAlert(AlertingTestSupport.key(LABELS), "alertmanager", LABELS, Map.of(), "", T0,
				T0.plusSeconds(300), T0, false);

		assertThat(this.problems.fold(alone, T0)).isSameAs(alone);
		assertThat(this.problems.fold(posted, T0)).isSameAs(posted);
	}

	private static StoredAlert problem(String eventId, long startSecond, Long endSecond, boolean acknowledged) {
		return new StoredAlert("zabbix:shop:" + eventId, "zabbix", LABELS, Map.of(), "", T0.plusSeconds(startSecond),
				(endSecond != null) ? T0.plusSeconds(endSecond) : null, T0, acknowledged);
	}

}
