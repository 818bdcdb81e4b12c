package io.zgw.sharding.zabbix;

/**
 * TagFilter is one entry of a {@code tags} request parameter.
 *
 * @param tag the tag name
 * @param value the value to compare with, ignored by {@link #EXISTS}
 * @param operator Zabbix 6.0 operator: 0 like, 1 equal, 4 exists
 */
public record TagFilter(String tag, String value, int operator) {

	/** Operator: value equals. */
	public static final int EQUAL = 1;

	/** Operator: tag exists, any value. */
	public static final int EXISTS = 4;

	/** Returns a filter for tag {@code tag} with exactly {@code value}. */
	public static TagFilter equal(String tag, String value) {
		return new TagFilter(tag, value, EQUAL);
	}

	/** Returns a filter for tag {@code tag} with any value. */
	public static TagFilter exists(String tag) {
		return new TagFilter(tag, "", EXISTS);
	}

}
