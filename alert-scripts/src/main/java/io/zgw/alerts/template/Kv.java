package io.zgw.alerts.template;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Kv is Alertmanager's {@code template.KV}, the label and annotation maps of the template
 * data: a missing key reads as empty, and {@code SortedPairs}, {@code Names},
 * {@code Values} and {@code Remove} list it with {@code alertname} first, then by name.
 */
public final class Kv extends AbstractMap<String, String> implements TemplateValue {

	private static final String ALERTNAME = "alertname";

	private final SortedMap<String, String> entries;

	public Kv(Map<String, String> entries) {
		this.entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
	}

	@Override
	public Set<Entry<String, String>> entrySet() {
		return this.entries.entrySet();
	}

	/** Returns the pairs, {@code alertname} first and the rest by name. */
	public Pairs sortedPairs() {
		List<Pair> pairs = new ArrayList<>();
		if (this.entries.containsKey(ALERTNAME)) {
			pairs.add(new Pair(ALERTNAME, this.entries.get(ALERTNAME)));
		}
		this.entries.forEach((name, value) -> {
			if (!name.equals(ALERTNAME)) {
				pairs.add(new Pair(name, value));
			}
		});
		return new Pairs(pairs);
	}

	@Override
	public @Nullable Object field(String name) {
		return switch (name) {
			case "SortedPairs" -> sortedPairs();
			case "Names" -> sortedPairs().names();
			case "Values" -> sortedPairs().values();
			case "Remove" -> throw TemplateValue.wrongArgs(name, 1, List.of());
			// As Alertmanager's missingkey=zero: an absent label is the empty string.
			default -> this.entries.getOrDefault(name, "");
		};
	}

	@Override
	public @Nullable Object method(String name, List<@Nullable Object> args) {
		if (!name.equals("Remove")) {
			return TemplateValue.super.method(name, args);
		}
		if (args.size() != 1) {
			throw TemplateValue.wrongArgs(name, 1, args);
		}
		Map<String, String> rest = new TreeMap<>(this.entries);
		rest.keySet().removeAll(Functions.strings(args.get(0)));
		return new Kv(rest);
	}

	/**
	 * Pair is a name and value from {@link Kv#sortedPairs()}, fields {@code .Name} and
	 * {@code .Value}.
	 */
	public record Pair(String name, String value) implements TemplateValue {

		@Override
		public @Nullable Object field(String field) {
			return switch (field) {
				case "Name" -> this.name;
				case "Value" -> this.value;
				default -> throw TemplateValue.noSuchField(field, this);
			};
		}

		@Override
		public String toString() {
			return "{" + this.name + " " + this.value + "}";
		}

	}

	/**
	 * Pairs is Alertmanager's {@code template.Pairs}, with {@code Names} and
	 * {@code Values}.
	 */
	public static final class Pairs extends AbstractList<Pair> implements TemplateValue {

		private final List<Pair> pairs;

		Pairs(List<Pair> pairs) {
			this.pairs = List.copyOf(pairs);
		}

		@Override
		public Pair get(int index) {
			return this.pairs.get(index);
		}

		@Override
		public int size() {
			return this.pairs.size();
		}

		/** Returns the names in order. */
		public List<String> names() {
			return this.pairs.stream().map(Pair::name).toList();
		}

		/** Returns the values in order. */
		public List<String> values() {
			return this.pairs.stream().map(Pair::value).toList();
		}

		@Override
		public @Nullable Object field(String name) {
			return switch (name) {
				case "Names" -> names();
				case "Values" -> values();
				default -> throw TemplateValue.noSuchField(name, this);
			};
		}

	}

}
