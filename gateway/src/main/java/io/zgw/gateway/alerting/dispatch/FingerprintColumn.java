package io.zgw.gateway.alerting.dispatch;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * FingerprintColumn is how the notification log stores a set of alert fingerprints in one
 * text column: sorted and joined with commas (fingerprints are hexadecimal, so a comma
 * never occurs in one).
 */
public final class FingerprintColumn {

	private FingerprintColumn() {
	}

	/** Returns the column value of {@code fingerprints}. */
	static String join(Collection<String> fingerprints) {
		return String.join(",", new TreeSet<>(fingerprints));
	}

	/** Returns the fingerprints a column value holds. */
	public static Set<String> split(String joined) {
		return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
	}

}
