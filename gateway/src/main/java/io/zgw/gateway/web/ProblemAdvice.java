package io.zgw.gateway.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * ProblemAdvice renders every error as {@code application/problem+json} (RFC 9457): the
 * gateway's own {@link ApiException}s and Spring MVC's standard exceptions alike.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	// Spring's own answer says only "Failed to read request"; this one names the field
	// of the wrong type, else the body, never quoting a value. (Unknown fields are not
	// errors for the shared mapper; a body that refuses them says so itself.)
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty())
				? json.getPath().stream().map(ProblemAdvice::name).collect(Collectors.joining(".")) : null;
		String detail = (field == null) ? "the body is not JSON of the shape this endpoint takes"
				: "field '" + field + "' has the wrong type";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("parameter", (field != null) ? field : "body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	// A query parameter of the wrong type (?active=maybe): named, as the body's fields
	// are.
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter '" + name
				+ "' is not a valid " + ((type != null) ? type.getSimpleName().toLowerCase(Locale.ROOT) : "value"));
		problem.setProperty("parameter", name);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String name(JacksonException.Reference reference) {
		return (reference.getPropertyName() != null) ? reference.getPropertyName() : "[" + reference.getIndex() + "]";
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status())
			.headers((headers) -> ex.headers().forEach(headers::set))
			.body(problem);
	}

}
