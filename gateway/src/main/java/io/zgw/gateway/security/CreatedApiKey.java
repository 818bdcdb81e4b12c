package io.zgw.gateway.security;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * CreatedApiKey answers a key creation: the key's description plus the key itself, shown
 * this once and never again.
 *
 * @param id the key's id, for revoking it
 * @param name who or what holds the key
 * @param role what the key may do
 * @param businessLines the business lines it sees
 * @param prefix the first characters of the key, to recognise it later
 * @param createdAt when it was created
 * @param expiresAt from when it stops working by itself, or {@code null} for never
 * @param key the key, for {@code Authorization: Bearer <key>}
 */
public record CreatedApiKey(long id, String name, Role role, List<String> businessLines, String prefix,
		Instant createdAt, @Nullable Instant expiresAt, String key) {

	CreatedApiKey(StoredApiKey stored, String key) {
		this(stored.id(), stored.name(), stored.role(), stored.businessLines(), stored.prefix(), stored.createdAt(),
				stored.expiresAt(), key);
	}

	// Spring MVC logs response bodies at DEBUG through toString: keep the key out of it.
	@Override
	public String toString() {
		return "CreatedApiKey[id=" + this.id + ", name=" + this.name + ", role=" + this.role.wireName()
				+ ", businessLines=" + this.businessLines + ", prefix=" + this.prefix + ", expiresAt=" + this.expiresAt
				+ ", key=<redacted>]";
	}

}
