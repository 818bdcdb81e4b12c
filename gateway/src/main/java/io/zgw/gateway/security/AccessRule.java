package io.zgw.gateway.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * AccessRule says which role requests matching some HTTP methods and a path pattern need,
 * or that they are open (no API key).
 *
 * @param methods the HTTP methods the rule applies to; empty means every method
 * @param pattern the path pattern, in Spring MVC's syntax, within the application
 * @param requiredRole the least role needed, or {@code null} when no key is needed
 */
record AccessRule(Set<String> methods, PathPattern pattern, @Nullable Role requiredRole) {

	/** Methods that only read. */
	static final Set<String> READ = Set.of("GET", "HEAD");

	/** Matches every method. */
	static final Set<String> ANY = Set.of();

	static AccessRule open(Set<String> methods, String pattern) {
		return new AccessRule(methods, PathPatternParser.defaultInstance.parse(pattern), null);
	}

	static AccessRule require(Role role, Set<String> methods, String pattern) {
		return new AccessRule(methods, PathPatternParser.defaultInstance.parse(pattern), role);
	}

	boolean matches(String method, PathContainer path) {
		return (this.methods.isEmpty() || this.methods.contains(method)) && this.pattern.matches(path);
	}

}
