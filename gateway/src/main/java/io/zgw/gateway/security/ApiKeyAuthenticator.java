package io.zgw.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * ApiKeyAuthenticator turns a presented key into its principal, asking the database at
 * most once per key per cache TTL so the hot path (alert ingestion) stays off MySQL;
 * unknown keys are cached too, so a flood of bad keys does not reach the database either.
 * Each successful use is noted in {@link KeyUsage}.
 */
class ApiKeyAuthenticator {

	private final ApiKeyStore store;

	private final ExpiringCache<String, Optional<ApiKeyStore.ActiveKey>> byHash;

	private final Clock clock;

	private final KeyUsage usage;

	ApiKeyAuthenticator(ApiKeyStore store, ExpiringCache<String, Optional<ApiKeyStore.ActiveKey>> byHash, Clock clock,
			KeyUsage usage) {
		this.store = store;
		this.byHash = byHash;
		this.clock = clock;
		this.usage = usage;
	}

	/** Longest key looked up; anything longer cannot be one of ours. */
	static final int MAX_KEY_LENGTH = SecurityProperties.MAX_BOOTSTRAP_KEY_LENGTH;

	/**
	 * Returns the principal of a valid, non-revoked, unexpired key; empty otherwise. The
	 * expiry is checked at every call, not only when the cache reads the database.
	 */
	Optional<ApiPrincipal> authenticate(String key) {
		// No key of ours is shorter or longer: junk need not reach the cache or the
		// database.
		if (key.length() < SecurityProperties.MIN_BOOTSTRAP_KEY_LENGTH || key.length() > MAX_KEY_LENGTH) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String hash = ApiKeys.hash(key);
		Optional<ApiPrincipal> principal = this.byHash.get(hash, this.store::findActive)
			.flatMap((active) -> active.at(now));
		if (principal.isPresent()) {
			this.usage.used(hash, now);
		}
		return principal;
	}

	/**
	 * Forgets what is cached about the key with this hash (after creating or revoking
	 * it).
	 */
	void evict(String keyHash) {
		this.byHash.evict(keyHash);
	}

}
