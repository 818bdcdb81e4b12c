package io.zgw.gateway.notify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Integration identifies one configured integration of a receiver: its kind and its index
 * in that kind's config list, written {@code webhook[0]} as Alertmanager logs it.
 *
 * @param kind the integration type
 * @param index position in the receiver's list of configs of that kind, from 0
 */
public record Integration(IntegrationKind kind, int index) {

	private static final Pattern TEXT = Pattern.compile("([a-z][a-z0-9]*)\\[(\\d+)]");

	public Integration {
		if (index < 0) {
			throw new IllegalArgumentException("integration index must be >= 0, got " + index);
		}
	}

	/** Parses the {@link #toString()} form, e.g. {@code slack[1]}. */
	public static Integration parse(String text) {
		Matcher m = TEXT.matcher(text);
		if (!m.matches()) {
			throw new IllegalArgumentException("integration must look like webhook[0], got '" + text + "'");
		}
		return new Integration(IntegrationKind.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
				Integer.parseInt(m.group(2)));
	}

	@Override
	public String toString() {
		return kind.id() + "[" + index + "]";
	}

}
