package io.zgw.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;

import io.zgw.alerts.model.Sha256;

/**
 * ApiKeys makes and hashes API keys: {@value #PREFIX} followed by 32 random bytes in
 * base64url; only the SHA-256 hash and a short display prefix are ever stored.
 */
final class ApiKeys {

	/** What every generated key starts with, so leaked keys are easy to grep for. */
	static final String PREFIX = "zgw_";

	/** Random bytes per generated key. */
	static final int RANDOM_BYTES = 32;

	/** Characters of a generated key kept for display ({@code zgw_} plus 8). */
	static final int DISPLAY_PREFIX_LENGTH = 12;

	/** Display prefix stored for keys not generated here (the bootstrap key). */
	static final String EXTERNAL_DISPLAY_PREFIX = "(external)";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	static String generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Returns the lower-case hex SHA-256 of the key's UTF-8 bytes, the lookup key. */
	static String hash(String key) {
		return Sha256.hex(key);
	}

	/**
	 * Returns the part of a key safe to show: the first characters of a generated key (48
	 * of its 256 random bits), nothing of a key chosen by a person, which may be weaker.
	 */
	static String displayPrefix(String key) {
		boolean generated = key.startsWith(PREFIX) && key.length() > DISPLAY_PREFIX_LENGTH * 3;
		return generated ? key.substring(0, DISPLAY_PREFIX_LENGTH) : EXTERNAL_DISPLAY_PREFIX;
	}

}
