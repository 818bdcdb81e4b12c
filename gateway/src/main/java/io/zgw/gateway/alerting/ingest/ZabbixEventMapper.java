package io.zgw.gateway.alerting.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.model.Sha256;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.store.ChangeKind;
import io.zgw.gateway.alerting.store.ZabbixChange;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.ShardConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ZabbixEventMapper translates the Zabbix webhook's JSON into a {@link ZabbixChange}:
 * labels from the event and its tags, annotations for detail, times in the configured
 * Zabbix time zone.
 */
final class ZabbixEventMapper {

	private static final DateTimeFormatter ZABBIX_DATE = DateTimeFormatter.ofPattern("uuuu.MM.dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter ZABBIX_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Set<String> NSEVERITIES = Set.of("0", "1", "2", "3", "4", "5");

	private final LabelRules rules;

	private final ZoneId zone;

	private final JsonMapper json;

	ZabbixEventMapper(AlertingProperties properties, JsonMapper json) {
		this.rules = new LabelRules(properties);
		this.zone = properties.zabbixTimeZone();
		this.json = json;
	}

	ZabbixChange map(JsonNode body, ShardConfig shard, Instant now) {
		if (!body.isObject()) {
			throw ApiException.badParameter("body", "body must be the Zabbix webhook's JSON object");
		}
		String bodyShard = text(body, "shard");
		if (!bodyShard.isEmpty() && !bodyShard.equals(shard.name())) {
			throw ApiException.badParameter("shard",
					"shard '" + bodyShard + "' in the body differs from the X-Zgw-Shard header");
		}
		long eventId = id(body, "event_id");
		String eventName = required(body, "event_name");
		ZabbixChange.Kind kind = kind(body);
		// Free text: Zabbix lets admins rename the severities.
		String severity = required(body, "event_severity");
		String nseverity = required(body, "event_nseverity");
		if (!NSEVERITIES.contains(nseverity)) {
			throw ApiException.badParameter("event_nseverity",
					"event_nseverity must be a Zabbix severity number, 0 to 5, got '" + nseverity + "'");
		}
		// Times are the shard's clock: one ahead of this one (or a wrong
		// zabbix-time-zone) must not keep a recovered problem firing until its recovery
		// time comes here, nor start a problem in the future.
		LocalDateTime problemAt = requiredLocalTime(body, "event_date", "event_time");
		Instant startsAt = earliest(problemAt.atZone(this.zone).toInstant(), now);
		Map<String, String> annotations = new LinkedHashMap<>();
		putIfPresent(annotations, "host_name", text(body, "host_name"));
		putIfPresent(annotations, "opdata", cut(scalar(body, "event_opdata", "event_opdata")));
		annotations.put("event_id", Long.toString(eventId));
		annotations.put("nseverity", nseverity);
		annotations.put("current_severity", severity);
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("severity", severity);
		Instant endsAt = null;
		Boolean acknowledged = null;
		ChangeKind historyKind;
		String idempotencyKey;
		Instant occurredAt;
		switch (kind) {
			case PROBLEM -> {
				historyKind = ChangeKind.CREATED;
				idempotencyKey = "problem";
				occurredAt = startsAt;
			}
			case RECOVERY -> {
				Instant recoveredAt = requiredTime(body, "event_recovery_date", "event_recovery_time");
				endsAt = earliest(recoveredAt, now);
				putIfPresent(annotations, "recovery_event_id", text(body, "event_recovery_id"));
				detail.put("recovery_event_id", text(body, "event_recovery_id"));
				historyKind = ChangeKind.RESOLVED;
				idempotencyKey = "recovery";
				// The history keeps the shard's time.
				occurredAt = recoveredAt;
			}
			default -> {
				String action = text(body, "event_update_action");
				String user = text(body, "event_update_user");
				String message = text(body, "event_update_message");
				annotations.put("last_update_action", action);
				annotations.put("last_update_user", user);
				annotations.put("last_update_message", message);
				acknowledged = acknowledgement(action);
				if (acknowledged != null) {
					annotations.put("acknowledged", acknowledged.toString());
				}
				detail.put("action", action);
				detail.put("user", user);
				detail.put("message", message);
				historyKind = updateKind(action);
				String update = action + '\n' + user + '\n' + message + '\n' + severity;
				// When the update was made tells a later identical update from a retry of
				// this one; media types from before event_update_date do not send it.
				Instant updatedAt = zabbixTime(body, "event_update_date", "event_update_time");
				if (updatedAt != null) {
					update = text(body, "event_update_date") + ' ' + text(body, "event_update_time") + '\n' + update;
				}
				idempotencyKey = "update:" + sha256(update);
				occurredAt = (updatedAt != null) ? updatedAt : sentAt(body, now);
			}
		}
		// The problem's start as the shard wrote it, whatever zabbix-time-zone says.
		long life = problemAt.toEpochSecond(ZoneOffset.UTC);
		return new ZabbixChange(shard.name(), eventId, life, kind, idempotencyKey,
				labels(body, shard, eventName, severity), annotations, startsAt, endsAt, acknowledged, historyKind,
				occurredAt, this.json.writeValueAsString(detail));
	}

	private LabelSet labels(JsonNode body, ShardConfig shard, String eventName, String severity) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", eventName);
		labels.put("shard", shard.name());
		labels.put("business_line", businessLine(shard));
		labels.put("host", required(body, "host_host"));
		labels.put("severity", severity);
		labels.put("zabbix_trigger_id", Long.toString(id(body, "trigger_id")));
		// Every tag is kept. Zabbix allows a name twice (service=a, service=b): one label
		// of the values, sorted, joined with ','. A name that sanitises to a label name
		// already taken (ours, or a tag's sorted before it: a-b and a.b are both a_b)
		// with another value gets the first free of _2, _3...; with the same value
		// (a business_line tag equal to ours) it adds nothing.
		for (Map.Entry<String, Set<String>> tag : tagValues(body).entrySet()) {
			String name = LabelRules.sanitize(tag.getKey());
			String value = String.join(",", tag.getValue());
			String label = name;
			for (int n = 2; labels.containsKey(label) && !labels.get(label).equals(value); n++) {
				label = name + "_" + n;
			}
			this.rules.checkValue("event_tags." + label, value);
			labels.putIfAbsent(label, value);
		}
		this.rules.checkCount("event_tags", labels.size());
		return LabelSet.of(labels);
	}

	// Returns the non-empty values of each tag name, names and values sorted.
	private Map<String, Set<String>> tagValues(JsonNode body) {
		Map<String, Set<String>> values = new TreeMap<>();
		JsonNode tags = tags(body.get("event_tags"));
		if (tags != null) {
			for (int i = 0; i < tags.size(); i++) {
				JsonNode tag = tags.get(i);
				String field = "event_tags[" + i + "]";
				if (!tag.isObject()) {
					throw ApiException.badParameter(field, field + " must be a {tag, value} object");
				}
				String name = text(tag, "tag", field + ".tag");
				String value = text(tag, "value", field + ".value");
				if (!name.isEmpty() && !value.isEmpty()) {
					values.computeIfAbsent(name, (key) -> new TreeSet<>()).add(value);
				}
			}
		}
		return values;
	}

	/**
	 * Returns the shard's business line: its {@code business_line} label, else its name.
	 */
	static String businessLine(ShardConfig shard) {
		String configured = shard.labels().get("business_line");
		return (configured != null && !configured.isBlank()) ? configured : shard.name();
	}

	private @Nullable JsonNode tags(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		JsonNode tags = node;
		if (node.isString()) {
			// Unexpanded or pre-serialised {EVENT.TAGSJSON}.
			if (node.stringValue().isBlank()) {
				return null;
			}
			try {
				tags = this.json.readTree(node.stringValue());
			}
			catch (JacksonException ex) {
				throw ApiException.badParameter("event_tags", "event_tags is not a JSON array of {tag, value}");
			}
		}
		if (!tags.isArray()) {
			throw ApiException.badParameter("event_tags", "event_tags must be a JSON array of {tag, value}");
		}
		return tags;
	}

	private ZabbixChange.Kind kind(JsonNode body) {
		if ("1".equals(text(body, "event_update_status"))) {
			return ZabbixChange.Kind.UPDATE;
		}
		return switch (text(body, "event_value")) {
			case "1" -> ZabbixChange.Kind.PROBLEM;
			case "0" -> ZabbixChange.Kind.RECOVERY;
			default -> throw ApiException.badParameter("event_value",
					"event_value must be \"1\" (problem) or \"0\" (recovery), got '" + text(body, "event_value") + "'");
		};
	}

	private Instant requiredTime(JsonNode body, String dateField, String timeField) {
		return requiredLocalTime(body, dateField, timeField).atZone(this.zone).toInstant();
	}

	private LocalDateTime requiredLocalTime(JsonNode body, String dateField, String timeField) {
		LocalDateTime time = localTime(body, dateField, timeField);
		if (time == null) {
			throw ApiException.badParameter(dateField, dateField + " and " + timeField + " are required");
		}
		return time;
	}

	// Returns the time the two fields give, or null when both are empty.
	private @Nullable Instant zabbixTime(JsonNode body, String dateField, String timeField) {
		LocalDateTime local = localTime(body, dateField, timeField);
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
	}

	// The date and time as written, or null when both are empty.
	private @Nullable LocalDateTime localTime(JsonNode body, String dateField, String timeField) {
		String date = text(body, dateField);
		String time = text(body, timeField);
		if (date.isEmpty() && time.isEmpty()) {
			return null;
		}
		LocalDate day = parse(date, ZABBIX_DATE, LocalDate::from, dateField, "date like 2026.11.28");
		LocalTime clock = parse(time, ZABBIX_TIME, LocalTime::from, timeField, "time like 22:40:01");
		return day.atTime(clock);
	}

	private static <T> T parse(String text, DateTimeFormatter format, TemporalQuery<T> query, String field,
			String expected) {
		try {
			return format.parse(text, query);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(field, field + " must be a valid " + expected + ", got '" + text + "'");
		}
	}

	private String required(JsonNode body, String field) {
		String value = text(body, field);
		if (value.isEmpty()) {
			throw ApiException.badParameter(field, field + " is required");
		}
		return value;
	}

	// Zabbix ids are positive BIGINTs, sent in decimal digits only.
	private long id(JsonNode body, String field) {
		String text = required(body, field);
		long id = 0;
		if (text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			try {
				id = Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				// Over 2^63-1: not a Zabbix id either.
			}
		}
		if (id <= 0) {
			throw ApiException.badParameter(field,
					field + " must be a Zabbix id (digits, above 0), got '" + text + "'");
		}
		return id;
	}

	private static Instant sentAt(JsonNode body, Instant fallback) {
		JsonNode sentAt = body.get("sent_at");
		if (sentAt != null && sentAt.canConvertToLong() && sentAt.asLong() > 0) {
			return Instant.ofEpochMilli(sentAt.asLong());
		}
		return fallback;
	}

	private static @Nullable Boolean acknowledgement(String action) {
		String lower = action.toLowerCase(Locale.ROOT);
		if (lower.contains("unacknowledged")) {
			return false;
		}
		return lower.contains("acknowledged") ? true : null;
	}

	private static ChangeKind updateKind(String action) {
		String lower = action.toLowerCase(Locale.ROOT);
		if (lower.contains("unacknowledged")) {
			return ChangeKind.UNACKNOWLEDGED;
		}
		if (lower.contains("acknowledged")) {
			return ChangeKind.ACKNOWLEDGED;
		}
		if (lower.contains("severity")) {
			return ChangeKind.SEVERITY_CHANGED;
		}
		if (lower.contains("closed")) {
			return ChangeKind.CLOSED;
		}
		return lower.contains("comment") ? ChangeKind.COMMENTED : ChangeKind.UPDATED;
	}

	private String text(JsonNode body, String field) {
		return text(body, field, field);
	}

	// Every field becomes a label or is stored with the alert: none may be longer than a
	// label value, so what is accepted can be stored and read back.
	private String text(JsonNode node, String key, String field) {
		String text = scalar(node, key, field);
		this.rules.checkValue(field, text);
		return text;
	}

	// The field's text, trimmed; empty when absent or null.
	private static String scalar(JsonNode node, String key, String field) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isContainer()) {
			throw ApiException.badParameter(field,
					field + " must be a string, got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
		}
		return value.asString().trim();
	}

	// Operational data ({ITEM.LASTVALUE} of a log item can be long) is detail: cut to the
	// longest value with an ellipsis rather than refused, which would lose the problem.
	private String cut(String text) {
		int max = this.rules.maxValueLength();
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static void putIfPresent(Map<String, String> map, String key, String value) {
		if (!value.isEmpty()) {
			map.put(key, value);
		}
	}

	private static String sha256(String text) {
		// The first 16 bytes.
		return Sha256.hex(text).substring(0, 32);
	}

}
