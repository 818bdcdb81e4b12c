package io.zgw.gateway.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * AcknowledgeRequest is the body of {@code POST /api/v1/problems/{id}/acknowledge}; at
 * least one action must be asked for.
 *
 * @param message a comment to add
 * @param acknowledge true to acknowledge the problem, false to withdraw its
 * acknowledgement
 * @param close true to close the problem (its trigger must allow manual close)
 * @param severity a new severity, 0-5 or a name such as {@code high}
 * @param unknown any other field, which the acknowledger refuses: a misspelt
 * {@code close} must not post the comment and silently leave the problem open
 */
record AcknowledgeRequest(String message, Boolean acknowledge, Boolean close, String severity,
		@JsonAnySetter Map<String, Object> unknown) {

	AcknowledgeRequest {
		// A copy that takes null values ({"clsoe": null} is refused too).
		unknown = (unknown != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(unknown)) : Map.of();
	}

}
