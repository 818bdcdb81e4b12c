package io.zgw.gateway.alerting.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.zgw.alerts.model.GoStrings;
import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * PostableAlertParser turns an Alertmanager API v2 {@code postableAlerts} body into
 * {@link AlertUpsert}s, defaulting times as Alertmanager does. As Alertmanager, it sets
 * an invalid alert aside so that the others can still be stored, and names each invalid
 * one by its field, such as {@code alerts[3].labels.host}, in a 400.
 */
final class PostableAlertParser {

	private final LabelRules rules;

	private final RoutingFile routing;

	PostableAlertParser(AlertingProperties properties, RoutingFile routing) {
		this.rules = new LabelRules(properties);
		this.routing = routing;
	}

	/**
	 * Parses the body's alerts, setting the invalid ones aside.
	 * @throws ApiException 400 when the body is not a JSON array: then there are no
	 * alerts to tell apart
	 */
	Parsed parse(JsonNode body, Instant now) {
		Duration resolveTimeout = this.routing.resolveTimeout();
		if (!body.isArray()) {
			throw ApiException.badParameter("body", "body must be a JSON array of alerts");
		}
		List<AlertUpsert> alerts = new ArrayList<>(body.size());
		List<InvalidAlert> invalid = List.of();
		for (int i = 0; i < body.size(); i++) {
			try {
				alerts.add(parseAlert(body.get(i), "alerts[" + i + "]", now, resolveTimeout));
			}
			catch (ApiException ex) {
				// parseAlert throws only about this element. The list is made at the
				// first invalid one, so that a valid batch allocates nothing more.
				if (invalid.isEmpty()) {
					invalid = new ArrayList<>();
				}
				invalid.add(new InvalidAlert(i, ex));
			}
		}
		return new Parsed(alerts, invalid);
	}

	private AlertUpsert parseAlert(JsonNode node, String field, Instant now, Duration resolveTimeout) {
		if (!node.isObject()) {
			throw ApiException.badParameter(field, field + " must be a JSON object");
		}
		LabelSet labels = LabelSet.of(stringMap(node.get("labels"), field + ".labels", true));
		if (labels.size() == 0) {
			throw ApiException.badParameter(field + ".labels", field + ".labels must hold at least one label");
		}
		Map<String, String> annotations = stringMap(node.get("annotations"), field + ".annotations", false);
		Instant startsAt = time(node.get("startsAt"), field + ".startsAt");
		Instant endsAt = time(node.get("endsAt"), field + ".endsAt");
		if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
			throw ApiException.badParameter(field + ".endsAt", field + ".endsAt is before its startsAt");
		}
		// As Alertmanager's API v2: an alert sent without a startsAt starts at its endsAt
		// (even a future one), or now when it has neither.
		Instant effectiveStart = (startsAt != null) ? startsAt : (endsAt != null) ? endsAt : now;
		Instant effectiveEnd = (endsAt != null) ? endsAt : now.plus(resolveTimeout);
		if (effectiveEnd.isBefore(effectiveStart)) {
			// A startsAt in the future with no endsAt: fire for resolve_timeout from its
			// start.
			effectiveEnd = effectiveStart.plus(resolveTimeout);
		}
		JsonNode url = node.get("generatorURL");
		if (url != null && !url.isNull() && !url.isString()) {
			throw ApiException.badParameter(field + ".generatorURL", field + ".generatorURL must be a string");
		}
		return new AlertUpsert(labels, annotations,
				(url != null && url.isString()) ? GoStrings.wellFormed(url.stringValue()) : "", effectiveStart,
				effectiveEnd, endsAt == null);
	}

	private Map<String, String> stringMap(@Nullable JsonNode node, String field, boolean labels) {
		if (node == null || node.isNull()) {
			if (labels) {
				throw ApiException.badParameter(field, field + " is required");
			}
			return Map.of();
		}
		if (!node.isObject()) {
			throw ApiException.badParameter(field, field + " must be a JSON object of strings");
		}
		if (labels) {
			this.rules.checkCount(field, node.size());
		}
		Map<String, String> values = new HashMap<>(node.size() * 2);
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String entryField = field + "." + entry.getKey();
			this.rules.checkName(entryField, entry.getKey());
			if (!entry.getValue().isString()) {
				throw ApiException.badParameter(entryField, entryField + " must be a string");
			}
			String value = entry.getValue().stringValue();
			if (labels) {
				this.rules.checkValue(entryField, value);
			}
			// Labels are made well-formed by LabelSet.of, annotations here.
			values.put(entry.getKey(), labels ? value : GoStrings.wellFormed(value));
		}
		return values;
	}

	private static @Nullable Instant time(@Nullable JsonNode node, String field) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badParameter(field, field + " must be an RFC 3339 date-time string");
		}
		String text = node.stringValue();
		if (text.isEmpty()) {
			return null;
		}
		try {
			Instant instant = OffsetDateTime.parse(text).toInstant();
			// Go's zero time (0001-01-01T00:00:00Z) means "not set" in Alertmanager.
			return (instant.isBefore(Instant.EPOCH)) ? null : instant;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(field, field + " is not an RFC 3339 date-time: '" + text + "'");
		}
	}

	/**
	 * Parsed is a body's valid alerts, in their order, and its invalid ones, in theirs.
	 */
	record Parsed(List<AlertUpsert> alerts, List<InvalidAlert> invalid) {

		/**
		 * Returns the index in the body of {@code alerts().get(alertIndex)}, for messages
		 * about it.
		 */
		int bodyIndex(int alertIndex) {
			int index = alertIndex;
			for (InvalidAlert skipped : this.invalid) {
				if (skipped.index() <= index) {
					index++;
				}
			}
			return index;
		}

		/**
		 * Throws a 400 naming every invalid alert, its {@code parameter} the first one's
		 * field, when there is one.
		 */
		void requireAllValid() {
			if (this.invalid.isEmpty()) {
				return;
			}
			int total = this.alerts.size() + this.invalid.size();
			StringJoiner detail = new StringJoiner("; ", this.invalid.size() + " of " + total
					+ " alerts invalid, not stored; " + this.alerts.size() + " stored: ", "");
			for (InvalidAlert alert : this.invalid) {
				detail.add(alert.error().getMessage());
			}
			throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid alerts", detail.toString(),
					this.invalid.get(0).error().properties());
		}

	}

	/**
	 * InvalidAlert is an element of the body that is not a valid alert: its index and the
	 * 400 naming its bad field.
	 */
	record InvalidAlert(int index, ApiException error) {

	}

}
