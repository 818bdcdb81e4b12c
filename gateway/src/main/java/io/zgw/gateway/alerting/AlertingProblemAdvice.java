package io.zgw.gateway.alerting;

import io.zgw.gateway.alerting.store.StoreUnavailableException;
import io.zgw.gateway.alerting.store.WriterSaturatedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * AlertingProblemAdvice answers 503 problem+json when the alert store cannot confirm a
 * write or answer a read, so that Zabbix and Prometheus retry.
 */
@RestControllerAdvice
class AlertingProblemAdvice {

	private static final Log logger = LogFactory.getLog(AlertingProblemAdvice.class);

	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException ex) {
		logger.warn("Alert store unavailable: " + ex.getMessage());
		return unavailable("Alert store unavailable",
				"The alert store (MySQL) could not confirm the operation; nothing was acknowledged, retry later.", "5");
	}

	@ExceptionHandler(WriterSaturatedException.class)
	ResponseEntity<ProblemDetail> saturated(WriterSaturatedException ex) {
		return unavailable("Alert writer saturated", ex.getMessage() + "; retry later.", "1");
	}

	private ResponseEntity<ProblemDetail> unavailable(String title, String detail, String retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, retryAfter)
			.body(problem);
	}

}
