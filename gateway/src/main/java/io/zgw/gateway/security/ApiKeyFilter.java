package io.zgw.gateway.security;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.zgw.gateway.web.AlertmanagerErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ApiKeyFilter authenticates every request by its {@code Authorization: Bearer <key>}
 * header and checks the role {@link AccessRules} asks for, answering 401 or 403 as RFC
 * 9457 problems; business-line checks are the controllers' (through
 * {@link ApiPrincipal#canSee}). It never logs or echoes the key.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private final AccessRules rules;

	private final ApiKeyAuthenticator authenticator;

	private final AuthFailures failures;

	private final JsonMapper json;

	ApiKeyFilter(AccessRules rules, ApiKeyAuthenticator authenticator, AuthFailures failures, JsonMapper json) {
		this.rules = rules;
		this.authenticator = authenticator;
		this.failures = failures;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The same path Spring MVC matches handlers against, so both see one request.
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
			.pathWithinApplication();
		AccessRule rule = this.rules.ruleFor(request.getMethod(), path);
		Role required = rule.requiredRole();
		if (required == null) {
			chain.doFilter(path.value().startsWith("/actuator/") ? asking(request) : request, response);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			this.failures.record(AuthFailures.Reason.MISSING_KEY);
			unauthorized(request, response, BearerCredentials.CHALLENGE,
					"This endpoint needs an API key: send 'Authorization: Bearer <key>'");
			return;
		}
		String key = BearerCredentials.token(header);
		if (key == null) {
			this.failures.record(AuthFailures.Reason.MALFORMED_HEADER);
			unauthorized(request, response, BearerCredentials.CHALLENGE + ", error=\"invalid_request\"",
					"The Authorization header must be 'Bearer <key>'");
			return;
		}
		Optional<ApiPrincipal> principal;
		try {
			principal = this.authenticator.authenticate(key);
		}
		catch (DataAccessException | org.jooq.exception.DataAccessException ex) {
			// The key store is unreachable: a 5xx the sender retries, never a 401 that
			// would make it give up (or a 500 that hides the cause).
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			problem(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"API keys cannot be checked: the database is unreachable; retry later");
			return;
		}
		if (principal.isEmpty()) {
			this.failures.record(AuthFailures.Reason.UNKNOWN_KEY);
			unauthorized(request, response, BearerCredentials.CHALLENGE + ", error=\"invalid_token\"",
					"The API key is unknown, revoked or expired");
			return;
		}
		if (!principal.get().hasRole(required)) {
			this.failures.record(AuthFailures.Reason.ROLE);
			problem(request, response, HttpStatus.FORBIDDEN,
					"API key '" + principal.get().name() + "' has role " + principal.get().role().wireName() + "; "
							+ request.getMethod() + " " + path.value() + " needs " + required.wireName());
			return;
		}
		request.setAttribute(ApiPrincipal.ATTRIBUTE, principal.get());
		chain.doFilter(request, response);
		// Past this filter, every 403 an endpoint answers is a business line outside
		// the key's scope.
		if (response.getStatus() == HttpStatus.FORBIDDEN.value()) {
			this.failures.record(AuthFailures.Reason.SCOPE);
		}
	}

	// An open actuator path needs no key, but one sent says who asks: health shows its
	// components' details (shard names, versions, errors) only to a principal
	// (show-details: when-authorized), and here that is a key that sees every business
	// line. A missing, malformed or unknown key, or a key store that cannot answer,
	// leaves the request anonymous: never a refusal on an open path.
	private HttpServletRequest asking(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String key = (header != null) ? BearerCredentials.token(header) : null;
		if (key == null) {
			return request;
		}
		Optional<ApiPrincipal> principal;
		try {
			principal = this.authenticator.authenticate(key).filter(ApiPrincipal::seesAll);
		}
		catch (DataAccessException | org.jooq.exception.DataAccessException ex) {
			return request;
		}
		if (principal.isEmpty()) {
			return request;
		}
		String name = principal.get().name();
		return new HttpServletRequestWrapper(request) {

			@Override
			public Principal getUserPrincipal() {
				return () -> name;
			}

			@Override
			public boolean isUserInRole(String role) {
				return Role.parse(role).map(principal.get()::hasRole).orElse(false);
			}

		};
	}

	private void unauthorized(HttpServletRequest request, HttpServletResponse response, String challenge, String detail)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		problem(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		if (AlertmanagerErrors.wanted(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), detail);
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

}
