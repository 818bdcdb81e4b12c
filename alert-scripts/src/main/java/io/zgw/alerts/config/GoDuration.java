package io.zgw.alerts.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GoDuration parses durations as Go's {@code time.ParseDuration} does, the syntax of the
 * few Alertmanager fields that are not Prometheus durations (Pushover's {@code retry} and
 * {@code expire}): a sequence of decimal numbers, each with an optional fraction and a
 * unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}),
 * such as {@code 90s}, {@code 1.5h} or {@code 1h30m}, or {@code 0}. Days are not a unit.
 */
public final class GoDuration {

	private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d*)([a-zµμ]+)");

	private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
			"ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

	private GoDuration() {
	}

	/**
	 * Parses the text.
	 * @throws IllegalArgumentException with Go's message when it is not a Go duration
	 */
	public static Duration parse(String text) {
		String rest = text;
		boolean negative = rest.startsWith("-");
		if (negative || rest.startsWith("+")) {
			rest = rest.substring(1);
		}
		if ("0".equals(rest)) {
			return Duration.ZERO;
		}
		if (rest.isEmpty()) {
			throw invalid(text);
		}
		BigDecimal nanos = BigDecimal.ZERO;
		Matcher part = PART.matcher(rest);
		int at = 0;
		while (at < rest.length()) {
			if (!part.find(at) || part.start() != at) {
				throw invalid(text);
			}
			String number = part.group(1);
			if (number.isEmpty() || ".".equals(number)) {
				throw invalid(text);
			}
			Long unit = NANOS_PER_UNIT.get(part.group(2));
			if (unit == null) {
				throw new IllegalArgumentException(
						"time: unknown unit \"" + part.group(2) + "\" in duration \"" + text + "\"");
			}
			nanos = nanos
				.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(BigDecimal.valueOf(unit)));
			at = part.end();
		}
		if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			throw invalid(text);
		}
		Duration duration = Duration.ofNanos(nanos.longValue());
		return negative ? duration.negated() : duration;
	}

	private static IllegalArgumentException invalid(String text) {
		return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
	}

}
