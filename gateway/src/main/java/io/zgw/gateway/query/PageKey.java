package io.zgw.gateway.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.ShardQualifiedId;

/**
 * PageKey is the position of an object in a merged listing; encoded with the listing's
 * name, it is the opaque {@code cursor} that continues that listing after that object.
 *
 * @param time the object's time (epoch seconds) for time-ordered listings, else 0
 * @param name the object's name for name-ordered listings, else empty
 * @param shard the owning shard
 * @param id the Zabbix id inside the shard
 */
record PageKey(long time, String name, String shard, String id) {

	private static final Comparator<String> NUMERIC = Comparator.comparingInt(String::length)
		.thenComparing(Comparator.naturalOrder());

	/** Name, then shard, then id: hosts and items. */
	static final Comparator<PageKey> BY_NAME = Comparator.comparing(PageKey::name, String.CASE_INSENSITIVE_ORDER)
		.thenComparing(PageKey::name)
		.thenComparing(PageKey::shard)
		.thenComparing(PageKey::id, NUMERIC);

	/** Newest first, then shard, then id descending: triggers, problems, events. */
	static final Comparator<PageKey> NEWEST_FIRST = Comparator.comparingLong(PageKey::time)
		.reversed()
		.thenComparing(PageKey::shard)
		.thenComparing(PageKey::id, NUMERIC.reversed());

	/** The cursor that continues {@code listing} after this position. */
	String encode(String listing) {
		String text = listing + "\n" + this.time + "\n" + this.shard + "\n" + this.id + "\n" + this.name;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor of {@code listing}; a cursor that {@link #encode(String)} did not
	 * make, or made for another listing, is a 400: a hosts cursor read as a problems
	 * cursor would silently skip problems.
	 */
	static PageKey decode(String cursor, String listing) {
		String[] parts;
		PageKey key;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 5);
			// Checks shard and id; a shard that has left the configuration still orders.
			key = new PageKey(Long.parseLong(parts[1]), parts[4], new ShardQualifiedId(parts[2], parts[3]).shard(),
					parts[3]);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw ApiException.badParameter("cursor",
					"cursor must be a nextCursor value from a previous page, got '" + cursor + "'");
		}
		if (!parts[0].equals(listing)) {
			throw ApiException.badParameter("cursor",
					"cursor continues /" + parts[0] + ", not /" + listing + "; start this listing without one");
		}
		return key;
	}

}
