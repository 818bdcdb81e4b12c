package io.zgw.gateway.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * AlertmanagerErrors writes an error of the Alertmanager API ({@code /api/v2/**}) as
 * Alertmanager does, a JSON string with the reason, to clients that ask for
 * {@code application/json} only: amtool and other go-openapi clients have no reader for
 * {@code application/problem+json}, so they showed {@code no consumer} instead of the
 * reason, and {@code amtool silence import} never saw the "not found" it retries on.
 * Every other client, and any that accepts problem+json or anything ({@code *}/*), gets
 * the RFC 9457 problem.
 */
@RestControllerAdvice
public class AlertmanagerErrors implements ResponseBodyAdvice<Object> {

	private static final String API = "/api/v2/";

	/**
	 * Returns whether an error answer to the request is to be Alertmanager's JSON string
	 * rather than a problem.
	 */
	public static boolean wanted(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || !request.getRequestURI().startsWith(request.getContextPath() + API)) {
			return false;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		boolean json = false;
		for (MediaType type : accepted) {
			if (type.isWildcardType() || type.isWildcardSubtype()
					|| type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)) {
				return false;
			}
			json |= type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
		}
		return json;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
				&& wanted(servlet.getServletRequest())) {
			// The JSON converter writes the string as a JSON string.
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return (problem.getDetail() != null) ? problem.getDetail() : String.valueOf(problem.getTitle());
		}
		return body;
	}

}
