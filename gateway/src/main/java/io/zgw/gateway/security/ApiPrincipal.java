package io.zgw.gateway.security;

import java.util.Collection;
import java.util.Set;

import io.zgw.gateway.web.ApiException;

/**
 * ApiPrincipal is the authenticated caller of one request: the name of its API key, its
 * role and the business lines it may see ({@value #ALL_BUSINESS_LINES} = all).
 * Controllers take it as a method argument; it is also the request attribute
 * {@link #ATTRIBUTE}.
 *
 * @param name the key's name, safe to log
 * @param role what the key may do
 * @param businessLines the business lines the key sees and acts on
 */
public record ApiPrincipal(String name, Role role, Set<String> businessLines) {

	/** Request attribute under which the filter stores the principal. */
	public static final String ATTRIBUTE = ApiPrincipal.class.getName();

	/** Business-line wildcard: a key holding it sees every business line. */
	public static final String ALL_BUSINESS_LINES = "*";

	public ApiPrincipal {
		businessLines = Set.copyOf(businessLines);
	}

	/** Returns whether this key sees and may act on {@code businessLine}. */
	public boolean canSee(String businessLine) {
		return seesAll() || this.businessLines.contains(businessLine);
	}

	/**
	 * Returns whether this key sees every one of {@code lines}; a wildcard among them
	 * needs a wildcard key.
	 */
	public boolean canSeeAll(Collection<String> lines) {
		return seesAll() || (!lines.contains(ALL_BUSINESS_LINES) && this.businessLines.containsAll(lines));
	}

	/** Returns whether this key sees every business line. */
	public boolean seesAll() {
		return this.businessLines.contains(ALL_BUSINESS_LINES);
	}

	/** Returns whether this key's role includes {@code required}. */
	public boolean hasRole(Role required) {
		return this.role.includes(required);
	}

	/** Throws a 403 problem unless this key sees {@code businessLine}. */
	public void requireVisible(String businessLine) {
		if (!canSee(businessLine)) {
			throw ApiException
				.forbidden("API key '" + this.name + "' may not see business line '" + businessLine + "'");
		}
	}

}
