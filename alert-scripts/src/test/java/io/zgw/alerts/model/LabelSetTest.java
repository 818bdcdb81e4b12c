package io.zgw.alerts.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSetTest {

	@Test
	void fingerprintMatchesWhatAlertmanagerComputes() {
		// Values read back from Alertmanager 0.25's GET /api/v2/alerts for the same
		// labels.
		assertThat(LabelSet.of(Map.of("alertname", "test")).fingerprintHex()).isEqualTo("1f56cb8f931d1bd4");
		assertThat(LabelSet.of(Map.of("alertname", "HighLoad", "shard", "shop", "severity", "High")).fingerprintHex())
			.isEqualTo("122ebbe9be1e3f6d");
		// Posted as {"alertname":"x\\ud800y"}: Alertmanager reads U+FFFD, so does zgw.
		LabelSet lone = LabelSet.of(Map.of("alertname", "x\ud800y"));
		assertThat(lone.get("alertname")).isEqualTo("x\ufffdy");
		assertThat(lone.fingerprintHex()).isEqualTo("9ff587bbd3850afa");
	}

	@Test
	void fingerprintSeparatesNameAndValueBoundaries() {
		assertThat(LabelSet.of(Map.of("a", "bc")).fingerprint())
			.isNotEqualTo(LabelSet.of(Map.of("ab", "c")).fingerprint());
	}

	@Test
	void printsValuesQuotedAsAlertmanagersGroupKeys() {
		// As Alertmanager 0.25's group keys for the same labels.
		assertThat(LabelSet.of(Map.of("alertname", "Odd3", "v", "\u0007\b\f\u000b|\u0001")).toAlertmanagerString())
			.isEqualTo("{alertname=\"Odd3\", v=\"\\a\\b\\f\\v|\\x01\"}");
		assertThat(LabelSet.of(Map.of("v", "soft\u00adhy\ufeffbom\u0085nel")).toAlertmanagerString())
			.isEqualTo("{v=\"soft\\u00adhy\\ufeffbom\\u0085nel\"}");
	}

	@Test
	void ordersAsAlertmanagersBefore() {
		LabelSet fullwidth = LabelSet.of(Map.of("a", "1", "v", "Ａ"));
		LabelSet emoji = LabelSet.of(Map.of("a", "1", "v", "😀"));
		LabelSet lacksA = LabelSet.of(Map.of("b", "1", "v", "Ａ"));
		LabelSet fewer = LabelSet.of(Map.of("v", "😀"));
		assertThat(List.of(emoji, lacksA, fullwidth, fewer).stream().sorted(LabelSet.ORDER)).containsExactly(fewer,
				lacksA, fullwidth, emoji);
	}

	@Test
	void emptyValuesAreDropped() {
		assertThat(LabelSet.of(Map.of("a", "1", "b", "")).asMap()).containsOnlyKeys("a");
	}

}
