package io.zgw.gateway.alerting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.AlertUpsert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AlertingTestSupport sends real HTTP requests to a running gateway in tests.
 */
public final class AlertingTestSupport {

	/**
	 * The admin key of the alerting-it profile
	 * ({@code zgw.security.bootstrap-admin-key}).
	 */
	public static final String ADMIN_KEY = "alerting-it-admin-key-0123456789";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String key;

	/** Returns the store key of the Alertmanager-API alert with these labels. */
	public static String key(LabelSet labels) {
		return AlertUpsert.keyOf(JSON.writeValueAsString(labels.asMap()));
	}

	/** Sends requests with the admin key (the Zabbix webhook path gets no key). */
	public AlertingTestSupport(int port) {
		this(port, ADMIN_KEY);
	}

	public AlertingTestSupport(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
		return post(path, HttpRequest.BodyPublishers.ofString(body), headers);
	}

	/** Posts the body chunked, without a Content-Length, as a streaming sender does. */
	public HttpResponse<String> postChunked(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return post(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), Map.of());
	}

	private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(body);
		if (!path.startsWith("/api/v1/zabbix/")) {
			request.header("Authorization", "Bearer " + this.key);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	/** GETs the path with more headers, which replace the key's if they name one. */
	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.key)
			.GET();
		headers.forEach(request::setHeader);
		return send(request.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.key)
			.DELETE()
			.build());
	}

	/** GETs the path, asserts 200 and returns the JSON body. */
	public JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/**
	 * Creates an API key through the admin API (this support's key must be an admin's)
	 * and returns it.
	 * @param role {@code viewer}, {@code operator} or {@code admin}
	 * @param businessLines a JSON array of business lines, e.g. {@code ["shop"]}
	 */
	public String createKey(String role, String businessLines) {
		HttpResponse<String> created = post("/api/v1/admin/keys", """
				{"name":"test-%s","role":"%s","businessLines":%s}
				""".formatted(UUID.randomUUID(), role, businessLines), Map.of());
		assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
		return JSON.readTree(created.body()).get("key").asString();
	}

	/** Posts a postableSilence, asserts 200 and returns the silence id. */
	public String createSilence(String body) {
		HttpResponse<String> response = post("/api/v2/silences", body, Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("silenceID").asString();
	}

	/**
	 * Posts a postableSilence, asserts a 400 problem naming the field and returns the
	 * problem.
	 */
	public JsonNode rejectSilence(String body, String field) {
		HttpResponse<String> response = post("/api/v2/silences", body, Map.of());
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).as(body)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("parameter").asString()).as(body).isEqualTo(field);
		return problem;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
