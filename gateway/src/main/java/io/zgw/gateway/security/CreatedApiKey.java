package io.zgw.gateway.security;

import java.time.Instant;
import java.util.List;

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
 * @param key the key, for {@code Authorization: Bearer <key>}
 */
public record CreatedApiKey(long id, String name, Role role, List<String> businessLines, String prefix,
		Instant createdAt, String key) {

	CreatedApiKey(StoredApiKey stored, String key) {
		this(stored.id(), stored.name(), stored.role(), stored.businessLines(), stored.prefix(), stored.createdAt(),
				key);
	}

	// Spring MVC logs response bodies at DEBUG through toString: keep the key out of it.
	@Override
	public String toString() {
		return "CreatedApiKey[id=" + this.id + ", name=" + this.name + ", role=" + this.role.wireName()
				+ ", businessLines=" + this.businessLines + ", prefix=" + this.prefix + ", key=<redacted>]";
	}

}
