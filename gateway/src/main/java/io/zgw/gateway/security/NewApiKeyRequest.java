package io.zgw.gateway.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * NewApiKeyRequest is the body of {@code POST /api/v1/admin/keys}; every field is checked
 * by {@link ApiKeyService}, which names the wrong one.
 *
 * @param name who or what will hold the key: letters, digits, {@code . _ @ -}
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param businessLines the business lines the key sees; {@code ["*"]} for all
 * @param expiresAt from when the key stops working, RFC 3339 with an offset
 * ({@code 2027-01-31T00:00:00Z}); absent: never
 */
public record NewApiKeyRequest(@Nullable String name, @Nullable String role, @Nullable List<String> businessLines,
		@Nullable String expiresAt) {

}
