package io.zgw.gateway.web;

import java.util.Map;

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

	public ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = Map.copyOf(properties);
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

}
