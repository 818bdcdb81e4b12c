package io.zgw.gateway.security;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * BearerCredentials reads {@code Authorization: Bearer <token>} (RFC 6750) for the API
 * keys and the Zabbix webhook secrets alike: the scheme in any case (RFC 9110), one
 * token.
 */
public final class BearerCredentials {

	/** The {@code WWW-Authenticate} challenge of a 401 for missing or bad credentials. */
	public static final String CHALLENGE = "Bearer realm=\"zgw\"";

	private static final String SCHEME = "bearer ";

	private BearerCredentials() {
	}

	/**
	 * Returns the token of the header, or null when it is not one bearer token.
	 */
	public static @Nullable String token(String header) {
		if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
			return null;
		}
		String token = header.substring(SCHEME.length()).strip();
		return (token.isEmpty() || token.contains(" ")) ? null : token;
	}

}
