package io.zgw.alerts.matcher;

/**
 * MatchType is one of Alertmanager's four matcher operators, in Alertmanager's sort
 * order.
 */
public enum MatchType {

	/** Label value equals the matcher value. */
	EQUAL("="),

	/** Label value differs from the matcher value. */
	NOT_EQUAL("!="),

	/** Label value matches the fully anchored regular expression. */
	REGEXP("=~"),

	/** Label value does not match the fully anchored regular expression. */
	NOT_REGEXP("!~");

	private final String operator;

	MatchType(String operator) {
		this.operator = operator;
	}

	/** Returns the operator as written in matcher syntax, such as {@code =~}. */
	public String operator() {
		return this.operator;
	}

	static MatchType fromOperator(String operator) {
		for (MatchType type : values()) {
			if (type.operator.equals(operator)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown match operator " + operator);
	}

}
