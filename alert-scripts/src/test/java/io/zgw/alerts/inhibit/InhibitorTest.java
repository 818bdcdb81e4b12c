package io.zgw.alerts.inhibit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InhibitorTest {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private final Inhibitor inhibitor = new Inhibitor(List.of(new InhibitRule(Matchers.parse("severity=critical"),
			Matchers.parse("severity=warning"), Set.of("alertname", "cluster"))));

	private static Alert alert(Map<String, String> labels, Instant endsAt) {
		return new Alert(LabelSet.of(labels), Map.of(), NOW.minusSeconds(600), endsAt, "", NOW);
	}

	private static Alert firing(Map<String, String> labels) {
		return alert(labels, null);
	}

	@Test
	void firingSourceInhibitsTargetWithEqualLabels() {
		Alert source = firing(Map.of("alertname", "Down", "severity", "critical", "cluster", "a"));
		Inhibitor.Snapshot snapshot = this.inhibitor.snapshot(List.of(source), NOW);
		assertThat(
				snapshot.inhibitedBy(LabelSet.of(Map.of("alertname", "Down", "severity", "warning", "cluster", "a"))))
			.contains(source.fingerprint());
		assertThat(snapshot.mutes(LabelSet.of(Map.of("alertname", "Down", "severity", "warning", "cluster", "b"))))
			.isFalse();
	}

	@Test
	void labelMissingOnBothSidesCountsAsEqual() {
		Alert source = firing(Map.of("alertname", "Down", "severity", "critical"));
		assertThat(this.inhibitor.snapshot(List.of(source), NOW)
			.mutes(LabelSet.of(Map.of("alertname", "Down", "severity", "warning")))).isTrue();
	}

	@Test
	void resolvedSourceDoesNotInhibit() {
		Alert resolved = alert(Map.of("alertname", "Down", "severity", "critical"), NOW.minusSeconds(1));
		assertThat(this.inhibitor.snapshot(List.of(resolved), NOW)
			.mutes(LabelSet.of(Map.of("alertname", "Down", "severity", "warning")))).isFalse();
	}

	@Test
	void alertMatchingBothSidesDoesNotInhibitItself() {
		Inhibitor broad = new Inhibitor(List.of(new InhibitRule(Matchers.parse("alertname=Down"),
				Matchers.parse("alertname=Down"), Set.of("cluster"))));
		Alert only = firing(Map.of("alertname", "Down", "cluster", "a"));
		assertThat(broad.snapshot(List.of(only), NOW).mutes(only.labels())).isFalse();
	}

	@Test
	void targetNotMatchingTargetMatchersIsNotInhibited() {
		Alert source = firing(Map.of("alertname", "Down", "severity", "critical"));
		assertThat(this.inhibitor.snapshot(List.of(source), NOW)
			.mutes(LabelSet.of(Map.of("alertname", "Down", "severity", "info")))).isFalse();
	}

	@Test
	void targetIsInhibitedOnlyBySourceWithItsEqualLabelValues() {
		List<Alert> sources = new ArrayList<>();
		for (String cluster : List.of("a", "b", "c", "d")) {
			sources.add(firing(Map.of("alertname", "Down", "severity", "critical", "cluster", cluster)));
		}
		Inhibitor.Snapshot snapshot = this.inhibitor.snapshot(sources, NOW);
		assertThat(
				snapshot.inhibitedBy(LabelSet.of(Map.of("alertname", "Down", "severity", "warning", "cluster", "c"))))
			.contains(sources.get(2).fingerprint());
		assertThat(snapshot.mutes(LabelSet.of(Map.of("alertname", "Up", "severity", "warning", "cluster", "c"))))
			.isFalse();
	}

}
