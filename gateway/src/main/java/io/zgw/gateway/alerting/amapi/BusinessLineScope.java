package io.zgw.gateway.alerting.amapi;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * BusinessLineScope is the seam to API-key authentication: which business lines the
 * caller of a request may see (wired to {@code ApiPrincipal.canSee} once security is in).
 */
public interface BusinessLineScope {

	/** Returns a test of whether the request's caller may see a business line. */
	Predicate<String> visibleTo(HttpServletRequest request);

}
