package io.zgw.gateway.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * ApiException is an error that reaches the client as an RFC 9457 problem body: a status,
 * a short title, a detail a person can act on, and extra members such as the offending
 * parameter.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties;

	private final Map<String, String> headers;

	public ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		this(status, title, detail, properties, Map.of());
	}

	private ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties,
			Map<String, String> headers) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = Map.copyOf(properties);
		this.headers = Map.copyOf(headers);
	}

	/** Returns a 401 whose {@code WWW-Authenticate} header is the challenge. */
	public static ApiException unauthorized(String challenge, String detail) {
		return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, Map.of(),
				Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
	}

	/** Returns a 400 naming the request parameter (or body field) that is wrong. */
	public static ApiException badParameter(String parameter, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "Bad request parameter", detail,
				Map.of("parameter", parameter));
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, Map.of());
	}

	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	/** Returns the headers the answer carries besides the problem body. */
	public Map<String, String> headers() {
		return this.headers;
	}

}
