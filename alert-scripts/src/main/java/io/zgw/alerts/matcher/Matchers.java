package io.zgw.alerts.matcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zgw.alerts.model.LabelSet;

/**
 * Matchers is an immutable list of matchers that all have to match (logical AND); an
 * empty list matches every label set.
 */
public final class Matchers implements Iterable<Matcher> {

	private static final Matchers EMPTY = new Matchers(List.of());

	private final List<Matcher> matchers;

	private Matchers(List<Matcher> matchers) {
		this.matchers = List.copyOf(matchers);
	}

	/** Returns the empty list, which matches everything. */
	public static Matchers none() {
		return EMPTY;
	}

	/** Returns the given matchers in the given order. */
	public static Matchers of(Collection<Matcher> matchers) {
		return new Matchers(new ArrayList<>(matchers));
	}

	/** Returns the given matchers in the given order. */
	public static Matchers of(Matcher... matchers) {
		return new Matchers(List.of(matchers));
	}

	/**
	 * Parses a matcher list such as {@code {a="b", c!~"d|e"}} (braces optional), as
	 * Alertmanager's {@code labels.ParseMatchers}.
	 */
	public static Matchers parse(String text) {
		return new Matchers(MatcherParser.parseMatchers(text));
	}

	/**
	 * Returns equality matchers for a legacy {@code match} map and regex matchers for a
	 * legacy {@code match_re} map.
	 */
	public static Matchers fromLegacy(Map<String, String> match, Map<String, String> matchRe) {
		List<Matcher> list = new ArrayList<>();
		match.forEach((name, value) -> list.add(Matcher.equal(name, value)));
		matchRe.forEach((name, value) -> list.add(Matcher.regex(name, anchored(value))));
		return new Matchers(list);
	}

	/**
	 * Returns the regex as Alertmanager 0.25 stores a legacy {@code match_re} value,
	 * {@code ^(?:value)$}; the matcher anchors it once more, which changes nothing but
	 * its printed form.
	 */
	public static String anchored(String regex) {
		return "^(?:" + regex + ")$";
	}

	/** Returns these matchers followed by the other ones. */
	public Matchers and(Matchers other) {
		List<Matcher> list = new ArrayList<>(this.matchers);
		list.addAll(other.matchers);
		return new Matchers(list);
	}

	/** Returns the matchers in Alertmanager's order: name, value, then type. */
	public Matchers sorted() {
		return new Matchers(this.matchers.stream().sorted().toList());
	}

	/** Returns whether every matcher matches the label set. */
	public boolean matches(LabelSet labels) {
		for (Matcher matcher : this.matchers) {
			if (!matcher.matches(labels)) {
				return false;
			}
		}
		return true;
	}

	public List<Matcher> asList() {
		return this.matchers;
	}

	public boolean isEmpty() {
		return this.matchers.isEmpty();
	}

	public int size() {
		return this.matchers.size();
	}

	@Override
	public Iterator<Matcher> iterator() {
		return this.matchers.iterator();
	}

	/** Returns the list as Alertmanager prints it: {@code {a="b",c=~"d"}}. */
	@Override
	public String toString() {
		return this.matchers.stream().map(Matcher::toString).collect(Collectors.joining(",", "{", "}"));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Matchers that && this.matchers.equals(that.matchers);
	}

	@Override
	public int hashCode() {
		return this.matchers.hashCode();
	}

}
