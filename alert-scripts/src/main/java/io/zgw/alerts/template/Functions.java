package io.zgw.alerts.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zgw.alerts.model.GoStrings;
import org.jspecify.annotations.Nullable;

/**
 * Functions are the functions templates can call: Go's built-ins (without {@code call}
 * and {@code slice}) and Alertmanager's ({@code toUpper}, {@code toLower}, {@code title},
 * {@code join}, {@code match}, {@code reReplaceAll}, {@code safeHtml},
 * {@code stringSlice}, {@code trimSpace}). They throw {@link IllegalArgumentException}
 * with Go's message when they fail.
 */
final class Functions {

	/** {@code and} and {@code or} evaluate their arguments lazily, in the executor. */
	static final Set<String> LAZY = Set.of("and", "or");

	private record Builtin(int min, int max, Body body) {
	}

	@FunctionalInterface
	private interface Body {

		@Nullable Object apply(List<@Nullable Object> args);

	}

	private static final int VARIADIC = Integer.MAX_VALUE;

	private static final Map<String, Builtin> BUILTINS = Map.ofEntries(
			Map.entry("not", new Builtin(1, 1, (a) -> !truth(a.get(0)))),
			Map.entry("len", new Builtin(1, 1, (a) -> length(a.get(0)))),
			Map.entry("index", new Builtin(1, VARIADIC, Functions::index)),
			Map.entry("eq",
					new Builtin(2, VARIADIC,
							(a) -> a.subList(1, a.size()).stream().anyMatch((other) -> equal(a.get(0), other)))),
			Map.entry("ne", new Builtin(2, 2, (a) -> !equal(a.get(0), a.get(1)))),
			Map.entry("lt", new Builtin(2, 2, (a) -> compare(a.get(0), a.get(1)) < 0)),
			Map.entry("le", new Builtin(2, 2, (a) -> compare(a.get(0), a.get(1)) <= 0)),
			Map.entry("gt", new Builtin(2, 2, (a) -> compare(a.get(0), a.get(1)) > 0)),
			Map.entry("ge", new Builtin(2, 2, (a) -> compare(a.get(0), a.get(1)) >= 0)),
			Map.entry("print", new Builtin(0, VARIADIC, GoFmt::sprint)),
			Map.entry("println", new Builtin(0, VARIADIC, GoFmt::sprintln)),
			Map.entry("printf",
					new Builtin(1, VARIADIC, (a) -> GoFmt.sprintf(string(a.get(0)), a.subList(1, a.size())))),
			Map.entry("html", new Builtin(0, VARIADIC, (a) -> htmlEscape(text(a)))),
			Map.entry("js", new Builtin(0, VARIADIC, (a) -> jsEscape(text(a)))),
			Map.entry("urlquery", new Builtin(0, VARIADIC, (a) -> queryEscape(text(a)))),
			Map.entry("toUpper", new Builtin(1, 1, (a) -> mapCodePoints(string(a.get(0)), Character::toUpperCase))),
			Map.entry("toLower", new Builtin(1, 1, (a) -> mapCodePoints(string(a.get(0)), Character::toLowerCase))),
			Map.entry("title", new Builtin(1, 1, (a) -> title(string(a.get(0))))),
			Map.entry("trimSpace", new Builtin(1, 1, (a) -> trimSpace(string(a.get(0))))),
			Map.entry("join", new Builtin(2, 2, (a) -> String.join(string(a.get(0)), strings(a.get(1))))),
			Map.entry("match", new Builtin(2, 2, (a) -> regex(string(a.get(0))).matcher(string(a.get(1))).find())),
			Map.entry("reReplaceAll",
					new Builtin(3, 3, (a) -> replaceAll(regex(string(a.get(0))), string(a.get(1)), string(a.get(2))))),
			Map.entry("safeHtml", new Builtin(1, 1, (a) -> new SafeHtml(string(a.get(0))))),
			Map.entry("stringSlice", new Builtin(0, VARIADIC, Functions::stringSlice)));

	private Functions() {
	}

	static boolean exists(String name) {
		return BUILTINS.containsKey(name) || LAZY.contains(name);
	}

	/** Calls a function other than {@code and} and {@code or}. */
	static @Nullable Object call(String name, List<@Nullable Object> args) {
		Builtin builtin = BUILTINS.get(name);
		if (args.size() < builtin.min() || args.size() > builtin.max()) {
			String want = (builtin.min() == builtin.max()) ? Integer.toString(builtin.min())
					: "at least " + builtin.min();
			throw new IllegalArgumentException(
					"wrong number of args for " + name + ": want " + want + " got " + args.size());
		}
		try {
			return builtin.body().apply(args);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("error calling " + name + ": " + ex.getMessage(), ex);
		}
	}

	/** Go's truth: false, 0, nil and empty strings, slices and maps are false. */
	static boolean truth(@Nullable Object value) {
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof Long || value instanceof Double) {
			return ((Number) value).doubleValue() != 0;
		}
		if (value instanceof String || value instanceof SafeHtml) {
			return !value.toString().isEmpty();
		}
		if (value instanceof Collection<?> c) {
			return !c.isEmpty();
		}
		if (value instanceof Map<?, ?> m) {
			return !m.isEmpty();
		}
		return value != null;
	}

	static String string(@Nullable Object value) {
		if (value instanceof String s) {
			return s;
		}
		throw wrongType("string", value);
	}

	static List<String> strings(@Nullable Object value) {
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw wrongType("[]string", value);
	}

	private static List<String> stringSlice(List<@Nullable Object> args) {
		List<String> out = new ArrayList<>();
		for (Object arg : args) {
			out.add(string(arg));
		}
		return out;
	}

	private static IllegalArgumentException wrongType(String expected, @Nullable Object value) {
		return new IllegalArgumentException(
				"wrong type for value; expected " + expected + "; got " + GoFmt.typeName(value));
	}

	private static long length(@Nullable Object value) {
		if (value instanceof String s) {
			return s.getBytes(StandardCharsets.UTF_8).length;
		}
		if (value instanceof Collection<?> c) {
			return c.size();
		}
		if (value instanceof Map<?, ?> m) {
			return m.size();
		}
		throw new IllegalArgumentException("len of type " + GoFmt.typeName(value));
	}

	private static @Nullable Object index(List<@Nullable Object> args) {
		Object item = args.get(0);
		for (Object key : args.subList(1, args.size())) {
			if (item instanceof Map<?, ?> map) {
				// As Go for a map[string]string: a missing key is the zero value.
				item = map.containsKey(string(key)) ? map.get(key) : "";
			}
			else if (item instanceof List<?> list) {
				item = list.get(position(key, list.size()));
			}
			else if (item instanceof String s) {
				byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
				item = (long) (bytes[position(key, bytes.length)] & 0xff);
			}
			else {
				throw new IllegalArgumentException(
						(item == null) ? "index of untyped nil" : "can't index item of type " + GoFmt.typeName(item));
			}
		}
		return item;
	}

	private static int position(@Nullable Object key, int size) {
		if (!(key instanceof Long n)) {
			throw new IllegalArgumentException("cannot index slice/array with type " + GoFmt.typeName(key));
		}
		if (n < 0 || n >= size) {
			throw new IllegalArgumentException("index out of range: " + n);
		}
		return n.intValue();
	}

	private static String kind(@Nullable Object value) {
		if (value == null) {
			return "nil";
		}
		if (value instanceof String || value instanceof SafeHtml) {
			return "string";
		}
		if (value instanceof Long) {
			return "int";
		}
		if (value instanceof Double) {
			return "float";
		}
		return (value instanceof Boolean) ? "bool" : "other";
	}

	private static boolean equal(@Nullable Object a, @Nullable Object b) {
		String kind = kind(a);
		if (!kind.equals(kind(b))) {
			if (a != null && b != null) {
				throw new IllegalArgumentException("incompatible types for comparison");
			}
			return false;
		}
		if (a instanceof Collection<?> || a instanceof Map<?, ?>) {
			throw new IllegalArgumentException("non-comparable type " + GoFmt.typeName(a));
		}
		return kind.equals("string") ? a.toString().equals(b.toString()) : Objects.equals(a, b);
	}

	private static int compare(@Nullable Object a, @Nullable Object b) {
		String kind = kind(a);
		if (!kind.equals("string") && !kind.equals("int") && !kind.equals("float")) {
			throw new IllegalArgumentException("invalid type for comparison");
		}
		if (!kind.equals(kind(b))) {
			throw new IllegalArgumentException("incompatible types for comparison");
		}
		return switch (kind) {
			case "int" -> Long.compare((Long) a, (Long) b);
			case "float" -> Double.compare((Double) a, (Double) b);
			default -> GoStrings.ORDER.compare(a.toString(), b.toString());
		};
	}

	// html, js and urlquery take one string as is, anything else as fmt.Sprint.
	private static String text(List<@Nullable Object> args) {
		return (args.size() == 1 && args.get(0) instanceof String s) ? s : GoFmt.sprint(args);
	}

	/** Escapes as Go's {@code template.HTMLEscapeString}. */
	static String htmlEscape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("&#34;");
				case '\'' -> out.append("&#39;");
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '\0' -> out.append('\uFFFD');
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	// Go's template.JSEscapeString.
	private static String jsEscape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '\\', '\'', '"' -> out.append('\\').appendCodePoint(c);
				case '<', '>', '&', '=' -> out.append(String.format("\\u%04X", c));
				default -> {
					boolean control = (c < ' ') || (c >= 0x80 && Character.isISOControl(c));
					out.append(control ? String.format("\\u%04X", c) : Character.toString(c));
				}
			}
		});
		return out.toString();
	}

	/** Escapes as Go's {@code url.QueryEscape}. */
	private static String queryEscape(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append((c == ' ') ? "+" : String.format("%%%02X", (int) c));
			}
		}
		return out.toString();
	}

	// Go maps strings rune by rune, so ß stays ß in toUpper (Java's would give SS).
	private static String mapCodePoints(String text, IntUnaryOperator mapping) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().map(mapping).forEach(out::appendCodePoint);
		return out.toString();
	}

	// Alertmanager's title (x/text's cases.Title for American English): in each word, the
	// first cased letter title-cased and what follows it lower-cased. Words as Unicode's
	// word boundaries find them: letters, digits, marks and connectors like "_" join, and
	// so do "." and "'" between letters or digits, ":" between letters, "," and ";"
	// between digits. "don't" and "HTTP_5XX" are one word each, "wOrld" becomes "World",
	// "1st" "1St", "db-1" "Db-1".
	private static String title(String text) {
		int[] codePoints = text.codePoints().toArray();
		StringBuilder out = new StringBuilder(text.length());
		boolean inWord = false;
		boolean titled = false;
		for (int i = 0; i < codePoints.length; i++) {
			int c = codePoints[i];
			boolean joined = inWord && i + 1 < codePoints.length && joins(codePoints[i - 1], c, codePoints[i + 1]);
			if (!isWordPart(c) && !joined) {
				inWord = false;
				out.appendCodePoint(c);
				continue;
			}
			if (!inWord) {
				inWord = true;
				titled = false;
			}
			if (titled) {
				out.appendCodePoint(Character.toLowerCase(c));
			}
			else if (Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c)) {
				out.appendCodePoint(Character.toTitleCase(c));
				titled = true;
			}
			else {
				out.appendCodePoint(c);
			}
		}
		return out.toString();
	}

	private static boolean isWordPart(int c) {
		int type = Character.getType(c);
		return Character.isLetterOrDigit(c) || type == Character.CONNECTOR_PUNCTUATION
				|| type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
	}

	// Whether the punctuation mark between two characters keeps them in one word.
	private static boolean joins(int before, int mark, int after) {
		boolean letters = Character.isLetter(before) && Character.isLetter(after);
		boolean digits = Character.isDigit(before) && Character.isDigit(after);
		return switch (mark) {
			case '.', '\'', '\u2019' -> letters || digits;
			case ':', '\u00b7' -> letters;
			case ',', ';' -> digits;
			default -> false;
		};
	}

	private static String trimSpace(String text) {
		int[] codePoints = text.codePoints().toArray();
		int start = 0;
		int end = codePoints.length;
		while (start < end && isGoSpace(codePoints[start])) {
			start++;
		}
		while (end > start && isGoSpace(codePoints[end - 1])) {
			end--;
		}
		return new String(codePoints, start, end - start);
	}

	// Go's unicode.IsSpace.
	private static boolean isGoSpace(int c) {
		return (c >= '\t' && c <= '\r') || c == 0x85 || Character.isSpaceChar(c);
	}

	// Go's RE2 names groups (?P<name>...), Java (?<name>...).
	private static Pattern regex(String pattern) {
		return Pattern.compile(pattern.replace("(?P<", "(?<"));
	}

	// Go's Regexp.ReplaceAllString: $1, ${1}, $name and ${name} expand to the group
	// (empty when there is none), $$ to $.
	private static String replaceAll(Pattern pattern, String replacement, String text) {
		Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (m.find()) {
			out.append(text, last, m.start());
			expand(out, replacement, m);
			last = m.end();
		}
		return out.append(text.substring(last)).toString();
	}

	private static void expand(StringBuilder out, String template, Matcher m) {
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i++);
			if (c != '$' || i >= template.length()) {
				out.append(c);
				continue;
			}
			if (template.charAt(i) == '$') {
				out.append('$');
				i++;
				continue;
			}
			boolean braced = template.charAt(i) == '{';
			int start = braced ? i + 1 : i;
			int end = start;
			while (end < template.length()
					&& (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
				end++;
			}
			if (end == start || (braced && (end >= template.length() || template.charAt(end) != '}'))) {
				out.append('$');
				continue;
			}
			out.append(group(m, template.substring(start, end)));
			i = braced ? end + 1 : end;
		}
	}

	private static String group(Matcher m, String name) {
		try {
			String value = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
			return (value != null) ? value : "";
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return "";
		}
	}

}
