package io.zgw.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * StoredApiKey is what the API shows of a key: never the key, never its hash.
 *
 * @param id the key's id, for revoking it
 * @param name who or what holds the key
 * @param role what the key may do
 * @param businessLines the business lines it sees, sorted
 * @param prefix the first characters of a generated key, to recognise it
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or {@code null} while it works
 * @param expiresAt from when it stops working by itself, or {@code null} for never
 * @param lastUsedAt when it last authenticated a request, to within
 * {@code zgw.security.key-usage-flush}, or {@code null} if it never did
 */
public record StoredApiKey(long id, String name, Role role, List<String> businessLines, String prefix,
		Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {

	StoredApiKey(long id, String name, Role role, Set<String> businessLines, String prefix, Instant createdAt,
			@Nullable Instant revokedAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {
		this(id, name, role, businessLines.stream().sorted().toList(), prefix, createdAt, revokedAt, expiresAt,
				lastUsedAt);
	}

}
