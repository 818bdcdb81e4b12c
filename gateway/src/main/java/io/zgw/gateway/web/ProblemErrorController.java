package io.zgw.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ProblemErrorController answers the errors that happen outside Spring MVC's handlers (a
 * query string that cannot be decoded, an exception in a filter), which the servlet
 * container sends to its error page: as RFC 9457 problems like every other error, not
 * Spring Boot's own {@code {timestamp, status, error, path}} body.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
				? HttpStatus.resolve(code) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// The cause's own words, not the servlet's wrapper ("Request processing failed").
		Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		while (cause instanceof ServletException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		String reason = (cause != null) ? cause.getMessage()
				: (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, reason));
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			try {
				problem.setInstance(new URI(uri));
			}
			catch (URISyntaxException ex) {
				// Left out: the path is not a URI, which the detail may be about.
			}
		}
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * The detail of a container error: a 4xx names what was wrong with the request; a 5xx
	 * never shows an exception's text, which may hold internals.
	 */
	static String detail(HttpStatus status, String reason) {
		if (status.is5xxServerError()) {
			return "the gateway failed to handle the request; its log has the cause";
		}
		return (reason == null || reason.isBlank()) ? "the request was refused: " + status.getReasonPhrase() : reason;
	}

}
