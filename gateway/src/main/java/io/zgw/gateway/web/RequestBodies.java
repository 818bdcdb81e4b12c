package io.zgw.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * RequestBodies reads a request body up to a size limit (413 beyond it) and parses it as
 * JSON (400 when malformed): the alert ingest endpoints' and the silences'.
 */
public final class RequestBodies {

	private RequestBodies() {
	}

	public static JsonNode readJson(HttpServletRequest request, DataSize limit, JsonMapper json) {
		byte[] body = read(request, limit);
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.badParameter("body", "request body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static byte[] read(HttpServletRequest request, DataSize limit) {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw tooLarge(max);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				throw tooLarge(max);
			}
			return body;
		}
		catch (IOException ex) {
			throw ApiException.badParameter("body", "request body could not be read: " + ex.getMessage());
		}
	}

	private static ApiException tooLarge(long max) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
				"request body exceeds " + max + " bytes (zgw.alerting.max-body-size)", Map.of("parameter", "body"));
	}

}
