package io.zgw.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.zgw.gateway.web.ApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * ApiKeyService creates, lists and revokes API keys for the admin endpoint and the
 * {@code keys} command; a caller only manages keys within its own business lines.
 */
class ApiKeyService {

	private static final Log logger = LogFactory.getLog(ApiKeyService.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final Pattern BUSINESS_LINE = Pattern.compile("[a-z0-9_-]{1,64}");

	private static final int MAX_BUSINESS_LINES_CHARS = 1000;

	// The column is a DATETIME: the year 9999 is its last.
	private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

	private final ApiKeyStore store;

	private final ApiKeyAuthenticator authenticator;

	private final Clock clock;

	ApiKeyService(ApiKeyStore store, ApiKeyAuthenticator authenticator, Clock clock) {
		this.store = store;
		this.authenticator = authenticator;
		this.clock = clock;
	}

	/** Creates a key after checking the request. */
	CreatedApiKey create(NewApiKeyRequest request, ApiPrincipal caller) {
		String name = request.name();
		if (name == null || !NAME.matcher(name).matches()) {
			throw ApiException.badParameter("name",
					"name must be 1-100 letters, digits or . _ @ -, got " + quoted(name));
		}
		if (BootstrapAdminKey.NAME.equals(name)) {
			throw ApiException.badParameter("name", "name bootstrap is reserved for zgw.security.bootstrap-admin-key");
		}
		if (request.role() == null) {
			throw ApiException.badParameter("role", "role is required: one of " + Role.wireNames());
		}
		Role role = Role.parse(request.role())
			.orElseThrow(() -> ApiException.badParameter("role",
					"role must be one of " + Role.wireNames() + ", got " + quoted(request.role())));
		Set<String> lines = businessLines(request.businessLines());
		if (!caller.canSeeAll(lines)) {
			throw ApiException.forbidden("API key '" + caller.name() + "' may not create keys for business lines "
					+ lines + " beyond its own " + caller.businessLines());
		}
		Instant now = this.clock.instant();
		Instant expiresAt = expiresAt(request.expiresAt(), now);
		String key = ApiKeys.generate();
		String hash = ApiKeys.hash(key);
		StoredApiKey stored = this.store.insert(name, role, lines, hash, ApiKeys.displayPrefix(key), now, expiresAt);
		this.authenticator.evict(hash);
		logger.info("API key " + stored.id() + " '" + name + "' (" + role.wireName() + ", business lines " + lines
				+ ", prefix " + stored.prefix() + ((expiresAt != null) ? ", expires " + expiresAt : "")
				+ ") created by '" + caller.name() + "'");
		return new CreatedApiKey(stored, key);
	}

	/** Returns the keys whose business lines the caller sees, revoked ones included. */
	List<StoredApiKey> list(ApiPrincipal caller) {
		return this.store.list().stream().filter((key) -> caller.canSeeAll(key.businessLines())).toList();
	}

	/**
	 * Revokes a key; it stops working on this replica at once, on others within the cache
	 * TTL.
	 */
	void revoke(long id, ApiPrincipal caller) {
		StoredApiKey key = this.store.find(id)
			.filter((k) -> caller.canSeeAll(k.businessLines()))
			.orElseThrow(() -> ApiException.notFound("no API key with id " + id));
		this.store.revoke(key.id(), this.clock.instant()).ifPresent(this.authenticator::evict);
		logger.info("API key " + key.id() + " '" + key.name() + "' revoked by '" + caller.name() + "'");
	}

	private static @Nullable Instant expiresAt(@Nullable String requested, Instant now) {
		if (requested == null) {
			return null;
		}
		Instant expiresAt;
		try {
			expiresAt = OffsetDateTime.parse(requested).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter("expiresAt",
					"expiresAt must be an RFC 3339 time with an offset, e.g. 2027-01-31T00:00:00Z, got "
							+ quoted(requested));
		}
		if (!expiresAt.isAfter(now)) {
			throw ApiException.badParameter("expiresAt", "expiresAt must be in the future, got " + requested);
		}
		if (expiresAt.isAfter(LATEST_EXPIRY)) {
			throw ApiException.badParameter("expiresAt",
					"expiresAt must be before the year 10000 (omit it for a key that never expires), got " + requested);
		}
		return expiresAt;
	}

	private static Set<String> businessLines(@Nullable List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			throw ApiException.badParameter("businessLines",
					"businessLines is required: a non-empty list of business lines, or [\"*\"] for all");
		}
		Set<String> lines = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String line = requested.get(i);
			boolean wildcard = ApiPrincipal.ALL_BUSINESS_LINES.equals(line);
			if (line == null || !(wildcard || BUSINESS_LINE.matcher(line).matches())) {
				throw ApiException.badParameter("businessLines[" + i + "]",
						"business lines are 1-64 of [a-z0-9_-] or \"*\", got " + quoted(line));
			}
			if (wildcard && requested.size() > 1) {
				throw ApiException.badParameter("businessLines",
						"\"*\" already means every business line; send it alone");
			}
			lines.add(line);
		}
		if (String.join(",", lines).length() > MAX_BUSINESS_LINES_CHARS) {
			throw ApiException.badParameter("businessLines",
					"businessLines must fit in " + MAX_BUSINESS_LINES_CHARS + " characters joined by commas");
		}
		return lines;
	}

	private static String quoted(@Nullable String value) {
		if (value == null) {
			return "nothing";
		}
		String shown = (value.length() > 40) ? value.substring(0, 40) + "..." : value;
		return "\"" + shown + "\"";
	}

}
