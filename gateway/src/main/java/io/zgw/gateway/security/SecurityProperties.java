package io.zgw.gateway.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SecurityProperties configures API-key authentication ({@code zgw.security.*}).
 *
 * @param bootstrapAdminKey an admin key (all business lines) ensured at start-up, named
 * {@code bootstrap};
 * {@value #MIN_BOOTSTRAP_KEY_LENGTH}-{@value #MAX_BOOTSTRAP_KEY_LENGTH} characters
 * without spaces; unset for none
 * @param keyCacheTtl how long a validated (or rejected) key is trusted without asking the
 * database; a key revoked on another replica still works here for up to this long
 * @param keyCacheSize how many keys the cache holds at most
 * @param keyUsageFlush how often each replica writes when keys were last used
 * ({@code lastUsedAt}); the listed time may lag by up to this much
 */
@ConfigurationProperties("zgw.security")
public record SecurityProperties(@Nullable String bootstrapAdminKey, @DefaultValue("10s") Duration keyCacheTtl,
		@DefaultValue("10000") int keyCacheSize, @DefaultValue("60s") Duration keyUsageFlush) {

	/** Shortest bootstrap key accepted. */
	public static final int MIN_BOOTSTRAP_KEY_LENGTH = 24;

	/** Longest bootstrap key accepted (the longest key ever looked up). */
	public static final int MAX_BOOTSTRAP_KEY_LENGTH = 256;

	// Checked here rather than with Bean Validation: its failure report would print the
	// rejected value, which is a secret.
	public SecurityProperties {
		if (bootstrapAdminKey != null && bootstrapAdminKey.isBlank()) {
			bootstrapAdminKey = null;
		}
		if (bootstrapAdminKey != null && (bootstrapAdminKey.length() < MIN_BOOTSTRAP_KEY_LENGTH
				|| bootstrapAdminKey.length() > MAX_BOOTSTRAP_KEY_LENGTH || bootstrapAdminKey.contains(" "))) {
			throw new IllegalArgumentException("zgw.security.bootstrap-admin-key must be at least "
					+ MIN_BOOTSTRAP_KEY_LENGTH + " characters, got " + bootstrapAdminKey.length() + " (at most "
					+ MAX_BOOTSTRAP_KEY_LENGTH + ", no spaces)");
		}
		if (keyCacheTtl.isNegative()) {
			throw new IllegalArgumentException("zgw.security.key-cache-ttl must not be negative, got " + keyCacheTtl);
		}
		if (keyCacheSize < 1) {
			throw new IllegalArgumentException("zgw.security.key-cache-size must be at least 1, got " + keyCacheSize);
		}
		if (keyUsageFlush.toMillis() < 1) {
			throw new IllegalArgumentException(
					"zgw.security.key-usage-flush must be at least 1ms, got " + keyUsageFlush);
		}
	}

}
