package io.zgw.gateway.alerting.amapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * AmTimes formats and parses times the way Alertmanager's API writes them (RFC 3339 with
 * milliseconds, UTC).
 */
final class AmTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
		.withZone(ZoneOffset.UTC);

	private AmTimes() {
	}

	static String format(Instant instant) {
		return FORMAT.format(instant);
	}

	/** Returns the RFC 3339 time in the field, or null when absent. */
	static @Nullable Instant parse(@Nullable JsonNode node, String field) {
		if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badParameter(field, field + " must be an RFC 3339 date-time string");
		}
		try {
			return OffsetDateTime.parse(node.stringValue()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(field,
					field + " is not an RFC 3339 date-time: '" + node.stringValue() + "'");
		}
	}

}
