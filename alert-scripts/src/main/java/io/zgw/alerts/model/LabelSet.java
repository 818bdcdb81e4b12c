package io.zgw.alerts.model;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * LabelSet is an immutable set of alert labels, sorted by name in Go's order, with
 * Alertmanager's fingerprint.
 */
public final class LabelSet {

	/**
	 * Alertmanager's order of label sets (prometheus/common's {@code LabelSet.Before}):
	 * fewer labels first; else by the first label, in name order, that one set lacks
	 * (which comes first) or whose values differ, names and values in Go's order.
	 */
	public static final Comparator<LabelSet> ORDER = LabelSet::compare;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	// Alertmanager separates label names and values with 0xff, a byte that never occurs
	// in UTF-8, so "a"="bc" and "ab"="c" hash differently.
	private static final byte SEPARATOR = (byte) 0xff;

	private final SortedMap<String, String> labels;

	// Computed on first use and kept, as String.hashCode: the dispatcher asks for it on
	// every group, inhibition and API pass.
	private @Nullable String fingerprintHex;

	private LabelSet(SortedMap<String, String> labels) {
		this.labels = Collections.unmodifiableSortedMap(labels);
	}

	/**
	 * Returns a label set holding the given labels; empty values are dropped as in
	 * Prometheus, lone surrogates read as U+FFFD as in Alertmanager
	 * ({@link GoStrings#wellFormed}).
	 */
	public static LabelSet of(Map<String, String> labels) {
		TreeMap<String, String> sorted = new TreeMap<>(GoStrings.ORDER);
		labels.forEach((name, value) -> {
			Objects.requireNonNull(name, "label name");
			if (value != null && !value.isEmpty()) {
				sorted.put(GoStrings.wellFormed(name), GoStrings.wellFormed(value));
			}
		});
		return new LabelSet(sorted);
	}

	/** Returns the value of the label, or an empty string when it is absent. */
	public String get(String name) {
		return this.labels.getOrDefault(name, "");
	}

	/** Returns the labels whose names are in the given set. */
	public LabelSet select(Collection<String> names) {
		TreeMap<String, String> selected = new TreeMap<>(GoStrings.ORDER);
		this.labels.forEach((name, value) -> {
			if (names.contains(name)) {
				selected.put(name, value);
			}
		});
		return new LabelSet(selected);
	}

	public boolean has(String name) {
		return this.labels.containsKey(name);
	}

	public SortedMap<String, String> asMap() {
		return this.labels;
	}

	public int size() {
		return this.labels.size();
	}

	private static int compare(LabelSet a, LabelSet b) {
		if (a.size() != b.size()) {
			return Integer.compare(a.size(), b.size());
		}
		Iterator<Map.Entry<String, String>> ia = a.labels.entrySet().iterator();
		Iterator<Map.Entry<String, String>> ib = b.labels.entrySet().iterator();
		while (ia.hasNext()) {
			Map.Entry<String, String> ea = ia.next();
			Map.Entry<String, String> eb = ib.next();
			int byName = GoStrings.ORDER.compare(ea.getKey(), eb.getKey());
			if (byName != 0) {
				// The set with the smaller name here has it, the other lacks it.
				return -byName;
			}
			int byValue = GoStrings.ORDER.compare(ea.getValue(), eb.getValue());
			if (byValue != 0) {
				return byValue;
			}
		}
		return 0;
	}

	/**
	 * Returns the 64-bit FNV-1a fingerprint over sorted names and values, the same value
	 * Alertmanager and Prometheus compute for a label set.
	 */
	public long fingerprint() {
		long hash = FNV_OFFSET;
		for (Map.Entry<String, String> entry : this.labels.entrySet()) {
			hash = mix(hash, entry.getKey().getBytes(StandardCharsets.UTF_8));
			hash = mix(hash, SEPARATOR);
			hash = mix(hash, entry.getValue().getBytes(StandardCharsets.UTF_8));
			hash = mix(hash, SEPARATOR);
		}
		return hash;
	}

	/** Returns the fingerprint as the 16-digit hex string Alertmanager shows. */
	public String fingerprintHex() {
		String hex = this.fingerprintHex;
		if (hex == null) {
			hex = HexFormat.of().toHexDigits(fingerprint());
			this.fingerprintHex = hex;
		}
		return hex;
	}

	private static long mix(long hash, byte... bytes) {
		long h = hash;
		for (byte b : bytes) {
			h ^= (b & 0xff);
			h *= FNV_PRIME;
		}
		return h;
	}

	/**
	 * Returns the set as Alertmanager prints it in group keys: {@code {a="1", b="2"}},
	 * values quoted like Go's {@code %q}.
	 */
	public String toAlertmanagerString() {
		StringBuilder out = new StringBuilder("{");
		for (Map.Entry<String, String> entry : this.labels.entrySet()) {
			if (out.length() > 1) {
				out.append(", ");
			}
			out.append(entry.getKey()).append('=').append(GoStrings.quote(entry.getValue()));
		}
		return out.append('}').toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LabelSet that && this.labels.equals(that.labels);
	}

	@Override
	public int hashCode() {
		return this.labels.hashCode();
	}

	@Override
	public String toString() {
		return this.labels.toString();
	}

}
