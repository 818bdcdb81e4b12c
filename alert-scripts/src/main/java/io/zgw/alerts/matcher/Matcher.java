package io.zgw.alerts.matcher;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.zgw.alerts.model.GoStrings;
import io.zgw.alerts.model.LabelSet;
import org.jspecify.annotations.Nullable;

/**
 * Matcher tests one label of a label set against a value, with Alertmanager's semantics:
 * regular expressions are anchored at both ends and a missing label has the value "".
 */
public final class Matcher implements Comparable<Matcher> {

	// Alertmanager sorts matchers by name, then value, then type (labels.Matchers.Less).
	private static final Comparator<Matcher> ORDER = Comparator.comparing(Matcher::name, GoStrings.ORDER)
		.thenComparing(Matcher::value, GoStrings.ORDER)
		.thenComparing(Matcher::type);

	private final String name;

	private final MatchType type;

	private final String value;

	private final @Nullable Pattern pattern;

	private Matcher(String name, MatchType type, String value, @Nullable Pattern pattern) {
		this.name = name;
		this.type = type;
		this.value = value;
		this.pattern = pattern;
	}

	/**
	 * Returns a matcher; for the regex types the value is compiled as
	 * {@code ^(?:value)$}.
	 * @throws IllegalArgumentException naming the matcher when the regex is invalid
	 */
	public static Matcher of(String name, MatchType type, String value) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(value, "value");
		Pattern pattern = null;
		if (type == MatchType.REGEXP || type == MatchType.NOT_REGEXP) {
			try {
				pattern = Pattern.compile("^(?:" + value + ")$");
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("invalid regex in matcher " + format(name, type, value) + ": "
						+ ex.getDescription() + " near index " + ex.getIndex(), ex);
			}
		}
		return new Matcher(name, type, value, pattern);
	}

	/** Returns an equality matcher. */
	public static Matcher equal(String name, String value) {
		return of(name, MatchType.EQUAL, value);
	}

	/** Returns a regex matcher. */
	public static Matcher regex(String name, String value) {
		return of(name, MatchType.REGEXP, value);
	}

	/**
	 * Parses one matcher such as {@code foo="bar"}, {@code foo=~a|b} or
	 * {@code foo!="a \"quoted\" value"}, as Alertmanager's {@code labels.ParseMatcher}.
	 */
	public static Matcher parse(String text) {
		return MatcherParser.parseMatcher(text);
	}

	public String name() {
		return this.name;
	}

	public MatchType type() {
		return this.type;
	}

	public String value() {
		return this.value;
	}

	/** Returns whether the given label value satisfies this matcher. */
	public boolean matches(String labelValue) {
		return switch (this.type) {
			case EQUAL -> labelValue.equals(this.value);
			case NOT_EQUAL -> !labelValue.equals(this.value);
			case REGEXP -> this.pattern.matcher(labelValue).matches();
			case NOT_REGEXP -> !this.pattern.matcher(labelValue).matches();
		};
	}

	/** Returns whether the label set satisfies this matcher; absent labels are "". */
	public boolean matches(LabelSet labels) {
		return matches(labels.get(this.name));
	}

	@Override
	public int compareTo(Matcher other) {
		return ORDER.compare(this, other);
	}

	/** Returns the matcher as Alertmanager prints it, e.g. {@code foo=~"a|b"}. */
	@Override
	public String toString() {
		return format(this.name, this.type, this.value);
	}

	private static String format(String name, MatchType type, String value) {
		String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
		return name + type.operator() + '"' + escaped + '"';
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Matcher that && this.name.equals(that.name) && this.type == that.type
				&& this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.type, this.value);
	}

}
