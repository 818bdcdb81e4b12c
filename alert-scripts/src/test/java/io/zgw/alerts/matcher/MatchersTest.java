package io.zgw.alerts.matcher;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zgw.alerts.model.LabelSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MatchersTest {

	private static final LabelSet ALERT = LabelSet.of(Map.of("alertname", "HighLoad", "severity", "critical"));

	@Test
	void equalityOperatorsCompareWholeValues() {
		assertThat(Matcher.parse("severity=critical").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("severity=crit").matches(ALERT)).isFalse();
		assertThat(Matcher.parse("severity!=warning").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("severity!=critical").matches(ALERT)).isFalse();
	}

	@Test
	void regexIsAnchoredAtBothEnds() {
		assertThat(Matcher.parse("severity=~crit").matches(ALERT)).isFalse();
		assertThat(Matcher.parse("severity=~crit.*").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("severity=~\"warning|critical\"").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("severity!~\"warning|critical\"").matches(ALERT)).isFalse();
		// Without the group, "^a|b$" would match "xb"; anchoring wraps in (?:...).
		assertThat(Matcher.regex("x", "a|b").matches("xb")).isFalse();
	}

	@Test
	void missingLabelIsTheEmptyString() {
		assertThat(Matcher.parse("team=\"\"").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("team!=ops").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("team=~\"ops|\"").matches(ALERT)).isTrue();
		assertThat(Matcher.parse("team=~\".+\"").matches(ALERT)).isFalse();
	}

	@Test
	void parsesBracedListWithQuotedCommasAndEscapes() {
		Matchers matchers = Matchers.parse("{alertname=\"a,b\", path=~\"C:\\\\\\\\.*\", msg!=\"say \\\"hi\\\"\\n\"}");
		assertThat(matchers.asList()).extracting(Matcher::name).containsExactly("alertname", "path", "msg");
		assertThat(matchers.asList().get(0).value()).isEqualTo("a,b");
		assertThat(matchers.asList().get(1).value()).isEqualTo("C:\\\\.*");
		assertThat(matchers.asList().get(2).value()).isEqualTo("say \"hi\"\n");
		assertThat(matchers.asList().get(2).type()).isEqualTo(MatchType.NOT_EQUAL);
	}

	@Test
	void spuriousEscapeKeepsTheBackslash() {
		assertThat(Matcher.parse("a=\"\\d+\"").value()).isEqualTo("\\d+");
		assertThat(Matcher.parse("a=~\\d+").matches("123")).isTrue();
	}

	@Test
	void unquotedValuesAreTrimmed() {
		Matcher matcher = Matcher.parse("  foo   =   bar baz  ");
		assertThat(matcher.name()).isEqualTo("foo");
		assertThat(matcher.value()).isEqualTo("bar baz");
	}

	@Test
	void emptyListParsesToNoMatchers() {
		assertThat(Matchers.parse("{}").isEmpty()).isTrue();
		assertThat(Matchers.none().matches(ALERT)).isTrue();
	}

	@Test
	void rejectsMalformedMatchers() {
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("foo"))
			.withMessageContaining("bad matcher format");
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("foo=\"bar"))
			.withMessageContaining("unescaped double quote");
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("foo=ba\"r"))
			.withMessageContaining("unescaped double quote");
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("1foo=bar"));
	}

	@Test
	void invalidRegexNamesTheMatcher() {
		assertThatIllegalArgumentException().isThrownBy(() -> Matcher.parse("job=~\"(unclosed\""))
			.withMessageStartingWith("invalid regex in matcher job=~\"(unclosed\"");
	}

	@Test
	void printsAndSortsAsAlertmanager() {
		Matchers matchers = Matchers.parse("{b=~\"x\", a=\"q\\\"uote\", b=\"x\"}").sorted();
		assertThat(matchers).hasToString("{a=\"q\\\"uote\",b=\"x\",b=~\"x\"}");
		// Values in Go's order: U+FF21 before U+1F600.
		assertThat(Matchers.parse("{a=\"😀\", a=\"Ａ\"}").sorted()).hasToString("{a=\"Ａ\",a=\"😀\"}");
	}

	@Test
	void legacyMapsBecomeEqualityAndRegexMatchers() {
		Map<String, String> match = new LinkedHashMap<>();
		match.put("severity", "critical");
		Matchers matchers = Matchers.fromLegacy(match, Map.of("alertname", "High.*"));
		assertThat(matchers.matches(ALERT)).isTrue();
		assertThat(matchers.asList()).extracting(Matcher::type).containsExactly(MatchType.EQUAL, MatchType.REGEXP);
	}

}
