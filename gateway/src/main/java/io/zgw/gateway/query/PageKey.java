package io.zgw.gateway.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

import io.zgw.gateway.web.ApiException;

/**
 * PageKey is the position of an object in a merged listing; encoded, it is the opaque
 * {@code cursor} that continues a listing after that object.
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

	String encode() {
		String text = this.time + "\n" + this.shard + "\n" + this.id + "\n" + this.name;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor; a cursor that was not made by {@link #encode()} is a 400. */
	static PageKey decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
			if (parts.length != 4 || !parts[2].matches("[0-9]{1,20}")) {
				throw new IllegalArgumentException("wrong shape");
			}
			return new PageKey(Long.parseLong(parts[0]), parts[3], parts[1], parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badParameter("cursor",
					"cursor must be a nextCursor value from a previous page, got '" + cursor + "'");
		}
	}

}
