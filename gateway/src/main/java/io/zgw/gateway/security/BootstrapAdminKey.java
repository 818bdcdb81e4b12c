package io.zgw.gateway.security;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * BootstrapAdminKey makes sure the configured (if any)
 * {@code zgw.security.bootstrap-admin-key} works as an admin key for all business lines,
 * named {@value #NAME}, before the gateway serves requests; idempotent across restarts
 * and replicas, and it reinstates the key if it was revoked while still configured.
 */
class BootstrapAdminKey implements SmartInitializingSingleton {

	/** Name of the bootstrap key. */
	static final String NAME = "bootstrap";

	private static final Log logger = LogFactory.getLog(BootstrapAdminKey.class);

	private final @Nullable String key;

	private final ApiKeyStore store;

	private final ApiKeyAuthenticator authenticator;

	private final Clock clock;

	BootstrapAdminKey(@Nullable String key, ApiKeyStore store, ApiKeyAuthenticator authenticator, Clock clock) {
		this.key = key;
		this.store = store;
		this.authenticator = authenticator;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.key == null) {
			return;
		}
		String hash = ApiKeys.hash(this.key);
		this.store.ensureAdmin(NAME, hash, ApiKeys.displayPrefix(this.key), this.clock.instant());
		this.authenticator.evict(hash);
		logger.info("Bootstrap admin key '" + NAME + "' is in place (zgw.security.bootstrap-admin-key)");
		List<Long> older = this.store.activeNamedOtherThan(NAME, hash);
		if (!older.isEmpty()) {
			logger.warn("Earlier bootstrap admin keys " + older + " still work; once no replica uses them, revoke "
					+ "them with DELETE /api/v1/admin/keys/{id}");
		}
	}

}
