package io.zgw.alerts.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Lexer splits a template into text and the tokens of its actions, as Go's
 * {@code text/template/parse} lexer: {@code {{- } and {@code -}}} trim the adjacent
 * text's white space, and comments {@code {{/* ... *}{@code /}}} vanish.
 */
final class Lexer {

	enum Kind {

		TEXT, LEFT, RIGHT, IDENTIFIER, FIELD, VARIABLE, DOT, LITERAL, PIPE, OPEN, CLOSE, COMMA, DECLARE, ASSIGN, EOF

	}

	/**
	 * Token is one lexeme; {@code value} holds a literal's value, {@code text} the
	 * (trimmed) text or the lexeme.
	 */
	record Token(Kind kind, String text, @Nullable Object value, int start, int end) {
	}

	private final String name;

	private final String source;

	private final int[] lineStarts;

	private final List<Token> tokens = new ArrayList<>();

	private boolean trimNext;

	Lexer(String name, String source) throws TemplateException {
		this.name = name;
		this.source = source;
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int i = 0; i < source.length(); i++) {
			if (source.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
		lex();
	}

	List<Token> tokens() {
		return this.tokens;
	}

	Node.Pos pos(int offset) {
		int line = Arrays.binarySearch(this.lineStarts, offset);
		if (line < 0) {
			line = -line - 2;
		}
		return new Node.Pos(this.name, line + 1, offset - this.lineStarts[line] + 1);
	}

	TemplateException error(String reason, int offset) {
		return new TemplateException(reason, pos(offset));
	}

	private void lex() throws TemplateException {
		int at = 0;
		while (true) {
			int open = this.source.indexOf("{{", at);
			int textEnd = (open < 0) ? this.source.length() : open;
			boolean trimLeft = open >= 0 && open + 3 < this.source.length() && this.source.charAt(open + 2) == '-'
					&& isSpace(this.source.charAt(open + 3));
			String text = this.source.substring(at, textEnd);
			if (this.trimNext) {
				text = trimStart(text);
			}
			if (trimLeft) {
				text = trimEnd(text);
			}
			if (!text.isEmpty()) {
				this.tokens.add(new Token(Kind.TEXT, text, null, at, textEnd));
			}
			if (open < 0) {
				break;
			}
			int p = open + (trimLeft ? 4 : 2);
			at = this.source.startsWith("/*", p) ? comment(open, p) : action(open, p);
		}
		this.tokens.add(new Token(Kind.EOF, "", null, this.source.length(), this.source.length()));
	}

	private int comment(int open, int start) throws TemplateException {
		int close = this.source.indexOf("*/", start + 2);
		if (close < 0) {
			throw error("unclosed comment", open);
		}
		int p = close + 2;
		this.trimNext = rightTrimAt(p);
		if (this.trimNext) {
			p += 2;
		}
		if (!this.source.startsWith("}}", p)) {
			throw error("comment ends before closing delimiter", open);
		}
		return p + 2;
	}

	private int action(int open, int start) throws TemplateException {
		this.tokens.add(new Token(Kind.LEFT, "{{", null, open, start));
		int p = start;
		while (true) {
			if (p >= this.source.length()) {
				throw error("unclosed action", open);
			}
			char c = this.source.charAt(p);
			if (rightTrimAt(p)) {
				this.tokens.add(new Token(Kind.RIGHT, "}}", null, p, p + 4));
				this.trimNext = true;
				return p + 4;
			}
			if (this.source.startsWith("}}", p)) {
				this.tokens.add(new Token(Kind.RIGHT, "}}", null, p, p + 2));
				this.trimNext = false;
				return p + 2;
			}
			if (isSpace(c)) {
				p++;
				continue;
			}
			p = token(c, p);
		}
	}

	// Lexes the token starting with c at p; returns the offset after it.
	private int token(char c, int p) throws TemplateException {
		char next = (p + 1 < this.source.length()) ? this.source.charAt(p + 1) : 0;
		return switch (c) {
			case '|' -> add(Kind.PIPE, p, p + 1, null);
			case '(' -> add(Kind.OPEN, p, p + 1, null);
			case ')' -> add(Kind.CLOSE, p, p + 1, null);
			case ',' -> add(Kind.COMMA, p, p + 1, null);
			case '=' -> add(Kind.ASSIGN, p, p + 1, null);
			case ':' -> {
				if (next != '=') {
					throw error("expected :=", p);
				}
				yield add(Kind.DECLARE, p, p + 2, null);
			}
			case '"', '\'' -> quoted(c, p);
			case '`' -> {
				int end = this.source.indexOf('`', p + 1);
				if (end < 0) {
					throw error("unterminated raw quoted string", p);
				}
				yield add(Kind.LITERAL, p, end + 1, this.source.substring(p + 1, end));
			}
			case '$' -> add(Kind.VARIABLE, p, alphanumericEnd(p + 1), null);
			case '.' -> {
				if (Character.isDigit(next)) {
					yield number(p);
				}
				yield isAlphanumeric(next) ? add(Kind.FIELD, p, alphanumericEnd(p + 1), null)
						: add(Kind.DOT, p, p + 1, null);
			}
			default -> {
				if (Character.isDigit(c) || ((c == '-' || c == '+') && Character.isDigit(next))) {
					yield number(p);
				}
				if (!isAlphanumeric(c)) {
					throw error("unexpected \"" + c + "\" in action", p);
				}
				int end = alphanumericEnd(p);
				String word = this.source.substring(p, end);
				yield switch (word) {
					case "true", "false" -> add(Kind.LITERAL, p, end, Boolean.valueOf(word));
					case "nil" -> add(Kind.LITERAL, p, end, null);
					default -> add(Kind.IDENTIFIER, p, end, null);
				};
			}
		};
	}

	private int add(Kind kind, int start, int end, @Nullable Object value) {
		this.tokens.add(new Token(kind, this.source.substring(start, end), value, start, end));
		return end;
	}

	private int number(int start) throws TemplateException {
		int p = start + 1;
		while (p < this.source.length()) {
			char c = this.source.charAt(p);
			char before = this.source.charAt(p - 1);
			boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(before) >= 0;
			if (!isAlphanumeric(c) && c != '.' && !exponentSign) {
				break;
			}
			p++;
		}
		String text = this.source.substring(start, p);
		try {
			return add(Kind.LITERAL, start, p, parseNumber(text.replace("_", "")));
		}
		catch (NumberFormatException ex) {
			throw error("bad number syntax: \"" + text + "\"", start);
		}
	}

	// Go's integer constants take 0x, 0o, 0b and a leading 0 (octal); anything with a
	// point or exponent is a float64.
	private static Object parseNumber(String text) {
		String digits = text.replaceFirst("^[+-]", "");
		boolean negative = text.startsWith("-");
		String lower = digits.toLowerCase(Locale.ROOT);
		long value;
		if (lower.startsWith("0x")) {
			value = Long.parseLong(digits.substring(2), 16);
		}
		else if (lower.startsWith("0o") || lower.startsWith("0b")) {
			value = Long.parseLong(digits.substring(2), lower.charAt(1) == 'o' ? 8 : 2);
		}
		else if (lower.matches("[0-9]+")) {
			value = Long.parseLong(digits, (digits.length() > 1 && digits.startsWith("0")) ? 8 : 10);
		}
		else {
			return Double.parseDouble(text);
		}
		return negative ? -value : value;
	}

	private int quoted(char quote, int start) throws TemplateException {
		StringBuilder value = new StringBuilder();
		int p = start + 1;
		while (true) {
			if (p >= this.source.length() || this.source.charAt(p) == '\n') {
				throw error(quote == '"' ? "unterminated quoted string" : "unterminated character constant", start);
			}
			char c = this.source.charAt(p);
			if (c == quote) {
				break;
			}
			if (c != '\\') {
				value.append(c);
				p++;
				continue;
			}
			p = escape(value, p + 1, start);
		}
		if (quote == '"') {
			return add(Kind.LITERAL, start, p + 1, value.toString());
		}
		if (value.codePointCount(0, value.length()) != 1) {
			throw error("malformed character constant: " + this.source.substring(start, p + 1), start);
		}
		return add(Kind.LITERAL, start, p + 1, (long) value.codePointAt(0));
	}

	// Appends the escape sequence starting at p (after the backslash); returns the
	// offset after it.
	private int escape(StringBuilder value, int p, int start) throws TemplateException {
		char e = (p < this.source.length()) ? this.source.charAt(p) : 0;
		int simple = "abfnrtv\\\"'".indexOf(e);
		if (simple >= 0) {
			value.append("\u0007\b\f\n\r\t\u000b\\\"'".charAt(simple));
			return p + 1;
		}
		int digits = switch (e) {
			case 'x' -> 2;
			case 'u' -> 4;
			case 'U' -> 8;
			default -> (e >= '0' && e <= '7') ? 3 : 0;
		};
		int from = (digits == 3) ? p : p + 1;
		if (digits == 0 || from + digits > this.source.length()) {
			throw error("invalid escape in quoted string", start);
		}
		try {
			int code = Integer.parseInt(this.source.substring(from, from + digits), (digits == 3) ? 8 : 16);
			value.appendCodePoint(code);
		}
		catch (IllegalArgumentException ex) {
			throw error("invalid escape in quoted string", start);
		}
		return from + digits;
	}

	private int alphanumericEnd(int from) {
		int p = from;
		while (p < this.source.length() && isAlphanumeric(this.source.charAt(p))) {
			p++;
		}
		return p;
	}

	private boolean rightTrimAt(int p) {
		return p + 1 < this.source.length() && isSpace(this.source.charAt(p)) && this.source.charAt(p + 1) == '-'
				&& this.source.startsWith("}}", p + 2);
	}

	private static boolean isAlphanumeric(char c) {
		return c == '_' || Character.isLetterOrDigit(c);
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private static String trimStart(String text) {
		int p = 0;
		while (p < text.length() && isSpace(text.charAt(p))) {
			p++;
		}
		return text.substring(p);
	}

	private static String trimEnd(String text) {
		int end = text.length();
		while (end > 0 && isSpace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

}
