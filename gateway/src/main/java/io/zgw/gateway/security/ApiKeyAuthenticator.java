package io.zgw.gateway.security;

import java.util.Optional;

/**
 * ApiKeyAuthenticator turns a presented key into its principal, asking the database at
 * most once per key per cache TTL so the hot path (alert ingestion) stays off MySQL;
 * unknown keys are cached too, so a flood of bad keys does not reach the database either.
 */
class ApiKeyAuthenticator {

	private final ApiKeyStore store;

	private final ExpiringCache<String, Optional<ApiPrincipal>> byHash;

	ApiKeyAuthenticator(ApiKeyStore store, ExpiringCache<String, Optional<ApiPrincipal>> byHash) {
		this.store = store;
		this.byHash = byHash;
	}

	/** Returns the principal of a valid, non-revoked key; empty otherwise. */
	Optional<ApiPrincipal> authenticate(String key) {
		return this.byHash.get(ApiKeys.hash(key), this.store::findActive);
	}

	/**
	 * Forgets what is cached about the key with this hash (after creating or revoking
	 * it).
	 */
	void evict(String keyHash) {
		this.byHash.evict(keyHash);
	}

}
