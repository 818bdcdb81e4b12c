package io.zgw.alerts.model;

/**
 * GoStrings writes strings as Go does where Alertmanager's output depends on it: quoted
 * as {@code strconv.Quote} (the {@code %q} of group keys, JQL and templates).
 *
 * <p>
 * Which characters are printable follows the JDK's Unicode tables: Java 17's are Unicode
 * 13.0, as Go 1.19's that Alertmanager 0.25 was built with. A later JDK would print the
 * characters assigned since as they are, where Alertmanager 0.25 escapes them.
 */
public final class GoStrings {

	private static final int REPLACEMENT = 0xfffd;

	private GoStrings() {
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
