package io.zgw.alerts.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.zgw.alerts.model.GoStrings;
import org.jspecify.annotations.Nullable;

/**
 * GoFmt prints values as Go's {@code fmt} does: {@code %v} for actions and {@code print},
 * and the common {@code printf} verbs {@code %v %s %d %q %f %t %x %c} with flags, width
 * and precision.
 */
final class GoFmt {

	private static final Map<Class<?>, String> TYPE_NAMES = Map.of(String.class, "string", Long.class, "int",
			Double.class, "float64", Boolean.class, "bool", SafeHtml.class, "template.HTML", Kv.class, "template.KV",
			Kv.Pairs.class, "template.Pairs", Kv.Pair.class, "template.Pair", GoTime.class, "time.Time");

	private GoFmt() {
	}

	/** Formats a value as {@code %v}. */
	static String value(@Nullable Object value) {
		if (value == null) {
			return "<nil>";
		}
		if (value instanceof Double d) {
			return shortestFloat(d);
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((e) -> value(e.getKey()) + ":" + value(e.getValue()))
				.collect(Collectors.joining(" ", "map[", "]"));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(GoFmt::value).collect(Collectors.joining(" ", "[", "]"));
		}
		return value.toString();
	}

	/** As {@code fmt.Sprint}: a space between operands when neither is a string. */
	static String sprint(List<@Nullable Object> args) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < args.size(); i++) {
			if (i > 0 && !isString(args.get(i)) && !isString(args.get(i - 1))) {
				out.append(' ');
			}
			out.append(value(args.get(i)));
		}
		return out.toString();
	}

	/** As {@code fmt.Sprintln}: spaces between all operands and a newline. */
	static String sprintln(List<@Nullable Object> args) {
		return args.stream().map(GoFmt::value).collect(Collectors.joining(" ", "", "\n"));
	}

	private static boolean isString(@Nullable Object value) {
		return value instanceof String || value instanceof SafeHtml;
	}

	/** As {@code fmt.Sprintf}, with Go's {@code %!verb(type=value)} for mismatches. */
	static String sprintf(String format, List<@Nullable Object> args) {
		StringBuilder out = new StringBuilder();
		int next = 0;
		int i = 0;
		while (i < format.length()) {
			char c = format.charAt(i++);
			if (c != '%') {
				out.append(c);
				continue;
			}
			String flags = "";
			while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
				flags += format.charAt(i++);
			}
			int width = 0;
			while (i < format.length() && Character.isDigit(format.charAt(i))) {
				width = width * 10 + (format.charAt(i++) - '0');
			}
			int precision = -1;
			if (i < format.length() && format.charAt(i) == '.') {
				i++;
				precision = 0;
				while (i < format.length() && Character.isDigit(format.charAt(i))) {
					precision = precision * 10 + (format.charAt(i++) - '0');
				}
			}
			if (i >= format.length()) {
				out.append("%!(NOVERB)");
				break;
			}
			char verb = format.charAt(i++);
			if (verb == '%') {
				out.append('%');
			}
			else if (next >= args.size()) {
				out.append("%!").append(verb).append("(MISSING)");
			}
			else {
				out.append(verb(verb, flags, width, precision, args.get(next++)));
			}
		}
		if (next < args.size()) {
			out.append(args.subList(next, args.size())
				.stream()
				.map((arg) -> typeName(arg) + "=" + value(arg))
				.collect(Collectors.joining(", ", "%!(EXTRA ", ")")));
		}
		return out.toString();
	}

	private static String verb(char verb, String flags, int width, int precision, @Nullable Object arg) {
		String text = switch (verb) {
			case 'v' -> value(arg);
			case 's' -> (arg instanceof Long || arg instanceof Double || arg instanceof Boolean) ? null
					: truncate(value(arg), precision);
			case 'q' -> (arg instanceof String s) ? GoStrings.quote(truncate(s, precision))
					: (arg instanceof Long n) ? GoStrings.quoteRune(n) : null;
			case 'd' -> (arg instanceof Long n) ? signed(Long.toString(n), flags) : null;
			case 'f', 'F' -> (arg instanceof Double d) ? signed(
					new BigDecimal(d).setScale((precision < 0) ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString(),
					flags) : null;
			case 't' -> (arg instanceof Boolean b) ? b.toString() : null;
			case 'x', 'X' -> {
				String hex = (arg instanceof Long n) ? Long.toHexString(n)
						: (arg instanceof String s) ? hex(s.getBytes(StandardCharsets.UTF_8)) : null;
				yield (hex != null && verb == 'X') ? hex.toUpperCase(Locale.ROOT) : hex;
			}
			case 'c' -> (arg instanceof Long n) ? Character.toString(n.intValue()) : null;
			default -> null;
		};
		if (text == null) {
			return "%!" + verb + "(" + typeName(arg) + "=" + value(arg) + ")";
		}
		return pad(text, width, flags, "dfFxX".indexOf(verb) >= 0);
	}

	private static String truncate(String text, int precision) {
		return (precision < 0 || text.codePointCount(0, text.length()) <= precision) ? text
				: text.substring(0, text.offsetByCodePoints(0, precision));
	}

	private static String signed(String number, String flags) {
		if (number.startsWith("-")) {
			return number;
		}
		return flags.contains("+") ? "+" + number : flags.contains(" ") ? " " + number : number;
	}

	private static String pad(String text, int width, String flags, boolean numeric) {
		int missing = width - text.codePointCount(0, text.length());
		if (missing <= 0) {
			return text;
		}
		if (flags.contains("-")) {
			return text + " ".repeat(missing);
		}
		if (flags.contains("0") && numeric) {
			int sign = (text.startsWith("-") || text.startsWith("+") || text.startsWith(" ")) ? 1 : 0;
			return text.substring(0, sign) + "0".repeat(missing) + text.substring(sign);
		}
		return " ".repeat(missing) + text;
	}

	private static String hex(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			out.append(String.format("%02x", b & 0xff));
		}
		return out.toString();
	}

	// Go's %v for a float64: the shortest digits that read back, in exponent form when
	// the exponent is below -4 or at least 6 (so a million prints as 1e+06).
	private static String shortestFloat(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return Double.isNaN(d) ? "NaN" : (d > 0) ? "+Inf" : "-Inf";
		}
		if (d == 0) {
			return (1 / d < 0) ? "-0" : "0";
		}
		BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
		int exponent = exact.precision() - exact.scale() - 1;
		if (exponent >= -4 && exponent < 6) {
			return exact.toPlainString();
		}
		String digits = exact.unscaledValue().abs().toString();
		String mantissa = digits.substring(0, 1) + ((digits.length() > 1) ? "." + digits.substring(1) : "");
		return ((d < 0) ? "-" : "") + mantissa + "e" + ((exponent < 0) ? "-" : "+")
				+ String.format("%02d", Math.abs(exponent));
	}

	/** Returns the Go type name of a value, for messages. */
	static String typeName(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return "[]" + (list.isEmpty() ? "interface {}" : typeName(list.get(0)));
		}
		if (value == null) {
			return "<nil>";
		}
		String name = TYPE_NAMES.get(value.getClass());
		return (name != null) ? name : "template." + value.getClass().getSimpleName();
	}

}
