package io.zgw.sharding;

import java.util.regex.Pattern;

/**
 * ShardQualifiedId is a Zabbix object id qualified by the shard that owns it
 * ({@code shop:10559}); Zabbix ids are unique only inside one shard, so nothing global
 * may be keyed by a bare id.
 */
public record ShardQualifiedId(String shard, String id) {

	/** Shard (= business line) names: lower-case letters, digits, '_' and '-'. */
	private static final String MAX_ID = String.valueOf(Long.MAX_VALUE);

	public static final Pattern SHARD_NAME = Pattern.compile("[a-z0-9_-]{1,64}");

	// Zabbix's ids are signed 64-bit (ZBX_DB_MAX_ID): a larger one names nothing.
	private static final Pattern ZABBIX_ID = Pattern.compile("[0-9]{1,19}");

	public ShardQualifiedId {
		if (shard == null || !SHARD_NAME.matcher(shard).matches()) {
			throw new IllegalArgumentException("shard name must match [a-z0-9_-]{1,64}, got '" + shard + "'");
		}
		if (id == null || !ZABBIX_ID.matcher(id).matches() || (id.length() == 19 && id.compareTo(MAX_ID) > 0)) {
			throw new IllegalArgumentException(
					"Zabbix id must be a whole number from 0 to " + MAX_ID + ", got '" + id + "'");
		}
	}

	/**
	 * Parses {@code shard:id} strictly: exactly one ':', a valid shard name and a numeric
	 * id.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static ShardQualifiedId parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("id must look like 'shard:12345', got nothing");
		}
		int colon = text.indexOf(':');
		if (colon < 0 || colon != text.lastIndexOf(':')) {
			throw new IllegalArgumentException("id must look like 'shard:12345', got '" + text + "'");
		}
		try {
			return new ShardQualifiedId(text.substring(0, colon), text.substring(colon + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"id must look like 'shard:12345', got '" + text + "': " + ex.getMessage(), ex);
		}
	}

	/** Returns the qualified id of the object {@code id} owned by {@code shard}. */
	public static String format(String shard, String id) {
		return new ShardQualifiedId(shard, id).toString();
	}

	@Override
	public String toString() {
		return this.shard + ":" + this.id;
	}

}
