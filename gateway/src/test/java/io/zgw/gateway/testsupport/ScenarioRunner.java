package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * ScenarioRunner plays a {@link ConformanceScenario} against any server that speaks the
 * Alertmanager API v2 and reduces what the recording receiver got (webhook messages and
 * Slack messages) to a comparable, timing-free list of notifications.
 */
public final class ScenarioRunner {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String bearerKey;

	/**
	 * Notification is one call reduced to what must match between implementations: for a
	 * webhook its status, group key, group labels, alerts and how many {@code max_alerts}
	 * left out, for a Slack message its non-empty fields as rendered, for a PagerDuty
	 * event, a Discord, Webex or VictorOps message every field (and the token sent;
	 * VictorOps's key and routing key are in the path), for an Opsgenie call its path,
	 * method, key and every field of its body.
	 */
	public record Notification(String receiver, String status, Map<String, String> groupLabels, List<String> alerts,
			Map<String, String> message) {
	}

	public ScenarioRunner(String baseUrl, String bearerKey) {
		this.baseUrl = baseUrl;
		this.bearerKey = bearerKey;
	}

	/**
	 * ConfigWriter puts a step's configuration where the server reads it, before the
	 * runner asks it to reload.
	 */
	@FunctionalInterface
	public interface ConfigWriter {

		void write(String config) throws IOException;

	}

	/**
	 * Runs the scenario in real time and returns the notifications, sorted; a step with a
	 * configuration has it written by {@code configWriter} and reloaded first.
	 */
	public List<Notification> run(ConformanceScenario scenario, RecordingReceiver receiver, ConfigWriter configWriter)
			throws IOException, InterruptedException {
		for (ConformanceScenario.Silence silence : scenario.silences()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("matchers", silence.matchers());
			body.put("startsAt", Instant.now().minusSeconds(60).toString());
			body.put("endsAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
			body.put("createdBy", "conformance");
			body.put("comment", "conformance scenario");
			post("/api/v2/silences", JSON.writeValueAsString(body));
		}
		long start = System.nanoTime();
		for (ConformanceScenario.Step step : scenario.steps()) {
			sleepUntil(start, Math.round(step.at() * 1000));
			if (step.config() != null) {
				configWriter.write(step.config());
				post("/-/reload", "");
			}
			List<Map<String, Object>> alerts = new ArrayList<>();
			Instant now = Instant.now();
			for (Map<String, String> labels : step.alerts()) {
				alerts.add(Map.of("labels", labels, "annotations", step.annotations(), "generatorURL",
						"http://conformance/"));
			}
			for (Map<String, String> labels : step.resolved()) {
				alerts.add(Map.of("labels", labels, "annotations", step.annotations(), "generatorURL",
						"http://conformance/", "endsAt", now.minusMillis(1).toString()));
			}
			post("/api/v2/alerts", JSON.writeValueAsString(alerts));
		}
		sleepUntil(start, scenario.end() * 1000L);
		return reduce(receiver.received());
	}

	private void post(String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (this.bearerKey != null) {
			request.header("Authorization", "Bearer " + this.bearerKey);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static void sleepUntil(long start, long offsetMillis) throws InterruptedException {
		long waitMillis = offsetMillis - (System.nanoTime() - start) / 1_000_000;
		if (waitMillis > 0) {
			// The scenario is a real-time stream fed to two real servers; this paces it.
			Thread.sleep(waitMillis);
		}
	}

	static List<Notification> reduce(List<RecordingReceiver.Received> received) {
		List<Notification> notifications = new ArrayList<>();
		for (RecordingReceiver.Received call : received) {
			if (call.path().endsWith("/gettoken")) {
				// WeChat's token request: once per integration and process, unless two of
				// its notifications race for it (on either side); compared once.
				Notification token = new Notification(call.path().substring(1), "", Map.of(), List.of(),
						Map.of("method", call.method(), "query", call.query()));
				if (!notifications.contains(token)) {
					notifications.add(token);
				}
				continue;
			}
			if (String.valueOf(call.contentType()).startsWith("application/x-www-form-urlencoded")) {
				notifications
					.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), signedForm(call)));
				continue;
			}
			if (call.path().equals("/1/messages.json")) {
				// Pushover: an empty POST, every parameter in the query.
				Map<String, String> fields = decodeForm(call.query());
				fields.put("method", call.method());
				fields.put("contentType", call.contentType());
				fields.put("body", call.body());
				notifications.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), fields));
				continue;
			}
			JsonNode payload = JSON.readTree(call.body());
			if (call.path().contains("/v2/alerts")) {
				Map<String, String> fields = new TreeMap<>();
				flatten("body", payload, fields);
				fields.put("method", call.method());
				fields.put("authorization", call.authorization());
				notifications.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), fields));
				continue;
			}
			if (payload.has("attachments")) {
				notifications.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), slack(payload)));
				continue;
			}
			if (payload.has("embeds") || payload.has("markdown") || payload.has("entity_id")) {
				Map<String, String> fields = new TreeMap<>();
				flatten("", payload, fields);
				fields.put("authorization", String.valueOf(call.authorization()));
				notifications.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), fields));
				continue;
			}
			if (payload.has("event_action") || call.path().endsWith("/sendMessage") || payload.has("msgtype")) {
				Map<String, String> fields = new TreeMap<>();
				flatten("", payload, fields);
				fields.put("query", call.query());
				notifications.add(new Notification(call.path().substring(1), "", Map.of(), List.of(), fields));
				continue;
			}
			Map<String, String> groupLabels = new TreeMap<>();
			payload.get("groupLabels")
				.properties()
				.forEach((e) -> groupLabels.put(e.getKey(), e.getValue().asString()));
			List<String> alerts = new ArrayList<>();
			for (JsonNode alert : payload.get("alerts")) {
				Map<String, String> labels = new TreeMap<>();
				alert.get("labels").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().asString()));
				alerts.add(alert.get("status").asString() + labels);
			}
			alerts.sort(Comparator.naturalOrder());
			notifications.add(new Notification(call.path().substring(1), payload.get("status").asString(), groupLabels,
					alerts, Map.of("groupKey", payload.get("groupKey").asString(), "truncatedAlerts",
							payload.get("truncatedAlerts").asString())));
		}
		notifications.sort(Comparator.comparing(Notification::toString));
		return notifications;
	}

	// A Slack message's fields and its attachment's, as sent; empty ones are left out, as
	// Alertmanager sends some (callback_id, footer) empty where zgw sends none.
	private static Map<String, String> slack(JsonNode payload) {
		Map<String, String> fields = new TreeMap<>();
		payload.properties().forEach((e) -> fields.put(e.getKey(), text(e.getValue())));
		fields.remove("attachments");
		payload.get("attachments")
			.get(0)
			.properties()
			.forEach((e) -> fields.put("attachment." + e.getKey(), text(e.getValue())));
		fields.values().removeIf(String::isEmpty);
		return fields;
	}

	// An AWS call's form parameters, decoded, and its signature's credential and signed
	// headers (the signature itself changes with the second it was made).
	private static Map<String, String> signedForm(RecordingReceiver.Received call) {
		Map<String, String> fields = decodeForm(call.body());
		String authorization = String.valueOf(call.authorization());
		fields.put("authorization", authorization.replaceAll(", Signature=[0-9a-f]{64}$", ", Signature=<valid hex>"));
		return fields;
	}

	// Form-encoded parameters, decoded, by name.
	private static Map<String, String> decodeForm(String form) {
		Map<String, String> fields = new TreeMap<>();
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	// A PagerDuty event's fields by path (payload.custom_details.firing, images[0].src),
	// as sent.
	private static void flatten(String path, JsonNode value, Map<String, String> into) {
		if (value.isObject()) {
			value.properties()
				.forEach((e) -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into));
		}
		else if (value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				flatten(path + "[" + i + "]", value.get(i), into);
			}
		}
		else {
			into.put(path, text(value));
		}
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

}
