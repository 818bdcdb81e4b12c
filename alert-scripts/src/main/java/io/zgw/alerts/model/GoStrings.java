package io.zgw.alerts.model;

import java.util.Comparator;

/**
 * GoStrings orders and writes strings as Go does where Alertmanager's output depends on
 * it: ordered as Go's {@code <} (alerts in a group, matchers in a route key, groups in
 * the API, template comparisons) and quoted as {@code strconv.Quote} (the {@code %q} of
 * group keys, JQL and templates).
 *
 * <p>
 * Which characters are printable follows the JDK's Unicode tables: Java 17's are Unicode
 * 13.0, as Go 1.19's that Alertmanager 0.25 was built with. A later JDK would print the
 * characters assigned since as they are, where Alertmanager 0.25 escapes them.
 */
public final class GoStrings {

	/**
	 * Go's order of strings: by their UTF-8 bytes, which is code point order. Java's
	 * {@link String#compareTo} compares UTF-16 units and so puts the characters beyond
	 * U+FFFF (surrogate pairs) before U+E000 to U+FFFF.
	 */
	public static final Comparator<String> ORDER = GoStrings::compare;

	private static final int REPLACEMENT = 0xfffd;

	private GoStrings() {
	}

	private static int compare(String a, String b) {
		int common = Math.min(a.length(), b.length());
		for (int i = 0; i < common; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				return Integer.compare(codePointRank(x), codePointRank(y));
			}
		}
		return Integer.compare(a.length(), b.length());
	}

	// Where two strings first differ, a surrogate stands for a code point above U+FFFF:
	// it must rank above U+E000 to U+FFFF, the only units above the surrogates.
	private static int codePointRank(char c) {
		if (c >= 0xe000) {
			return c - 0x800;
		}
		return Character.isSurrogate(c) ? c + 0x2000 : c;
	}

	/**
	 * Returns the text as Go holds it once decoded from JSON: a lone surrogate (JSON's
	 * escape of an unpaired surrogate gives a Java string one; UTF-8 cannot hold it) is
	 * U+FFFD, as Alertmanager reads it. Text that is kept, shown and hashed then agrees
	 * with Alertmanager's, and MySQL does not store the surrogate as {@code ?}.
	 */
	public static String wellFormed(String text) {
		int first = firstLoneSurrogate(text, 0);
		if (first < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text);
		for (int i = first; i >= 0; i = firstLoneSurrogate(text, i + 1)) {
			out.setCharAt(i, (char) REPLACEMENT);
		}
		return out.toString();
	}

	private static int firstLoneSurrogate(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/** Returns the text quoted as Go's {@code strconv.Quote}. */
	public static String quote(String text) {
		return quote(text, '"');
	}

	/**
	 * Returns the rune quoted as Go's {@code strconv.QuoteRune}, as {@code %q} prints an
	 * integer; a value that is no code point, or a surrogate, is U+FFFD as in Go.
	 */
	public static String quoteRune(long rune) {
		boolean valid = rune >= 0 && rune <= Character.MAX_CODE_POINT;
		return quote(Character.toString(valid ? (int) rune : REPLACEMENT), '\'');
	}

	private static String quote(String text, char quote) {
		StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
		text.codePoints().forEach((c) -> {
			// A Java string can hold a lone surrogate, Go's UTF-8 cannot: Alertmanager
			// reads one, as any bad UTF-8 in JSON, as U+FFFD, which it prints as is.
			int rune = (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) ? REPLACEMENT : c;
			int simple = "\u0007\b\f\n\r\t\u000b".indexOf(rune);
			if (rune == quote || rune == '\\') {
				out.append('\\').appendCodePoint(rune);
			}
			else if (isPrint(rune)) {
				out.appendCodePoint(rune);
			}
			else if (simple >= 0) {
				out.append('\\').append("abfnrtv".charAt(simple));
			}
			else if (rune < 0x20 || rune == 0x7f) {
				out.append(String.format("\\x%02x", rune));
			}
			else {
				out.append((rune < 0x10000) ? String.format("\\u%04x", rune) : String.format("\\U%08x", rune));
			}
		});
		return out.append(quote).toString();
	}

	// strconv.IsPrint: letters, marks, numbers, punctuation, symbols, the ASCII space.
	private static boolean isPrint(int c) {
		return switch (Character.getType(c)) {
			case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				false;
			case Character.SPACE_SEPARATOR -> c == ' ';
			default -> true;
		};
	}

}
