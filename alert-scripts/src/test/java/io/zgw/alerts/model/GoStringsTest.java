package io.zgw.alerts.model;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoStringsTest {

	// Each value was posted to Alertmanager 0.25 as a label (in JSON escapes, so lone
	// surrogates too) and its quoted form read from the group key of its webhook call.
	static Stream<Arguments> alertmanagerGroupKeys() {
		return Stream.of(Arguments.of("\u0007\b\f\u000b|\u0001", "\"\\a\\b\\f\\v|\\x01\""),
				Arguments.of("soft\u00adhy\ufeffbom\u0085nel", "\"soft\\u00adhy\\ufeffbom\\u0085nel\""),
				Arguments.of("ü€😀 \u00a0\u200b", "\"ü€😀 \\u00a0\\u200b\""),
				Arguments.of("a\"b\\c\nd\te\r", "\"a\\\"b\\\\c\\nd\\te\\r\""), Arguments.of("it's", "\"it's\""),
				// C0 controls and DEL in \x form, C1 controls in four hex digits.
				Arguments.of("\u007f\u0080\u009f", "\"\\x7f\\u0080\\u009f\""),
				// Separators other than the ASCII space.
				Arguments.of("\u2028\u2029\u3000\u1680", "\"\\u2028\\u2029\\u3000\\u1680\""),
				// Private use, in the BMP and above.
				Arguments.of("\ue000\udb80\udc00", "\"\\ue000\\U000f0000\""),
				// Unassigned in Unicode 13 (U+0870 and U+1FADD came with 14).
				Arguments.of("\u0378\u0870\ud83e\udedd", "\"\\u0378\\u0870\\U0001fadd\""),
				// A format character and a noncharacter above the BMP.
				Arguments.of("\udb40\udc01\udbff\udfff", "\"\\U000e0001\\U0010ffff\""),
				// A combining mark and ÿ print, an Arabic letter mark (format) does not.
				Arguments.of("\u0300\u061c\u00ff", "\"\u0300\\u061c\u00ff\""),
				Arguments.of("\u2060\u206f\ufff9", "\"\\u2060\\u206f\\ufff9\""),
				// Go's JSON reads a lone surrogate as U+FFFD, which prints.
				Arguments.of("\ud800x", "\"\ufffdx\""), Arguments.of("x\udc00", "\"x\ufffd\""));
	}

	@ParameterizedTest
	@MethodSource("alertmanagerGroupKeys")
	void quotesAsAlertmanagersGroupKeys(String value, String quoted) {
		assertThat(GoStrings.quote(value)).isEqualTo(quoted);
	}

	@Test
	void quotesRunesAsQuoteRune() {
		assertThat(GoStrings.quoteRune('\'')).isEqualTo("'\\''");
		assertThat(GoStrings.quoteRune('"')).isEqualTo("'\"'");
		assertThat(GoStrings.quoteRune(0x0b)).isEqualTo("'\\v'");
		assertThat(GoStrings.quoteRune(0x1f600)).isEqualTo("'😀'");
		assertThat(GoStrings.quoteRune(0xd800)).isEqualTo("'\ufffd'");
		assertThat(GoStrings.quoteRune(-1)).isEqualTo("'\ufffd'");
		assertThat(GoStrings.quoteRune(0x110000)).isEqualTo("'\ufffd'");
	}

	@Test
	void readsLoneSurrogatesAsGoDecodesJson() {
		assertThat(GoStrings.wellFormed("\ud800x\udc00\ud83d\ude00\ud83d")).isEqualTo("\ufffdx\ufffd😀\ufffd");
		assertThat(GoStrings.wellFormed("\udc00\ud800")).isEqualTo("\ufffd\ufffd");
		String clean = "ü€😀";
		assertThat(GoStrings.wellFormed(clean)).isSameAs(clean);
	}

	@Test
	void ordersByCodePointAsGo() {
		// Go compares UTF-8 bytes: U+E000..U+FFFF before the characters beyond U+FFFF,
		// which UTF-16 (String.compareTo) puts before them.
		List<String> values = List.of("😀", "Ａ", "\ue000", "\ud83d\ude01", "é", "z", "Ａa", "");
		assertThat(values.stream().sorted(GoStrings.ORDER)).containsExactly("", "z", "é", "\ue000", "Ａ", "Ａa", "😀",
				"\ud83d\ude01");
	}

}
