package io.zgw.alerts.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MatcherParser is a port of Alertmanager 0.25's {@code pkg/labels/parse.go}.
 */
final class MatcherParser {

	// "=~" comes before "=" so that "=~" is taken as one operator.
	private static final Pattern MATCHER = Pattern
		.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*((?s).*?)\\s*$");

	private MatcherParser() {
	}

	static List<Matcher> parseMatchers(String text) {
		String s = text;
		if (s.startsWith("{")) {
			s = s.substring(1);
		}
		if (s.endsWith("}")) {
			s = s.substring(0, s.length() - 1);
		}
		List<String> tokens = new ArrayList<>();
		StringBuilder token = new StringBuilder();
		boolean insideQuotes = false;
		boolean escaped = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case ',' -> {
					if (!insideQuotes) {
						tokens.add(token.toString());
						token.setLength(0);
						continue;
					}
				}
				case '"' -> {
					if (!escaped) {
						insideQuotes = !insideQuotes;
					}
					else {
						escaped = false;
					}
				}
				case '\\' -> escaped = !escaped;
				default -> escaped = false;
			}
			token.append(c);
		}
		String last = token.toString().strip();
		if (!last.isEmpty()) {
			tokens.add(last);
		}
		List<Matcher> matchers = new ArrayList<>();
		for (String t : tokens) {
			matchers.add(parseMatcher(t));
		}
		return matchers;
	}

	static Matcher parseMatcher(String text) {
		java.util.regex.Matcher m = MATCHER.matcher(text);
		if (!m.matches()) {
			throw new IllegalArgumentException("bad matcher format: " + text);
		}
		String raw = m.group(3);
		boolean expectTrailingQuote = false;
		if (raw.startsWith("\"")) {
			raw = raw.substring(1);
			expectTrailingQuote = true;
		}
		StringBuilder value = new StringBuilder();
		boolean escaped = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (escaped) {
				escaped = false;
				switch (c) {
					case 'n' -> value.append('\n');
					case '"', '\\' -> value.append(c);
					// A spurious escape: the backslash is literal.
					default -> value.append('\\').append(c);
				}
				continue;
			}
			switch (c) {
				case '\\' -> {
					if (i < raw.length() - 1) {
						escaped = true;
					}
					else {
						value.append('\\');
					}
				}
				case '"' -> {
					if (!expectTrailingQuote || i < raw.length() - 1) {
						throw new IllegalArgumentException(
								"matcher value contains unescaped double quote: " + m.group(3));
					}
					expectTrailingQuote = false;
				}
				default -> value.append(c);
			}
		}
		if (expectTrailingQuote) {
			throw new IllegalArgumentException("matcher value contains unescaped double quote: " + m.group(3));
		}
		return Matcher.of(m.group(1), MatchType.fromOperator(m.group(2)), value.toString());
	}

}
