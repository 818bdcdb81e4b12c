package io.zgw.alerts.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PrometheusDuration parses durations in Prometheus syntax: units y, w, d, h, m, s, ms in
 * that order, e.g. {@code 30s}, {@code 1h30m}, {@code 1d}, or {@code 0}.
 */
public final class PrometheusDuration {

	private static final Pattern SYNTAX = Pattern
		.compile("^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");

	private static final Duration[] UNITS = { Duration.ofDays(365), Duration.ofDays(7), Duration.ofDays(1),
			Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1) };

	private PrometheusDuration() {
	}

	/**
	 * Parses the text.
	 * @throws IllegalArgumentException when it is not a Prometheus duration
	 */
	public static Duration parse(String text) {
		if ("0".equals(text)) {
			return Duration.ZERO;
		}
		Matcher m = SYNTAX.matcher(text);
		if (text.isEmpty() || !m.matches()) {
			throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
		}
		Duration total = Duration.ZERO;
		for (int i = 0; i < UNITS.length; i++) {
			if (m.group(i + 1) != null) {
				total = total.plus(UNITS[i].multipliedBy(Long.parseLong(m.group(i + 1))));
			}
		}
		return total;
	}

	/** Formats the duration as Prometheus does, e.g. {@code 1h30m}, {@code 0s}. */
	public static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		String[] names = { "y", "w", "d", "h", "m", "s", "ms" };
		StringBuilder out = new StringBuilder();
		Duration rest = duration;
		for (int i = 0; i < UNITS.length; i++) {
			long count = rest.toMillis() / UNITS[i].toMillis();
			if (count > 0) {
				out.append(count).append(names[i]);
				rest = rest.minus(UNITS[i].multipliedBy(count));
			}
		}
		return out.toString();
	}

}
