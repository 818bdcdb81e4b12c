package io.zgw.gateway.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GatewayHttp calls the gateway under test over real HTTP with an API key and reads JSON
 * answers.
 */
final class GatewayHttp {

	/** The bootstrap admin key (all business lines) the lab tests configure. */
	static final String ADMIN_KEY = "query-lab-admin-key-0123456789abcdef";

	/** The property that makes the gateway create {@link #ADMIN_KEY} at start-up. */
	static final String ADMIN_KEY_PROPERTY = "zgw.security.bootstrap-admin-key=" + ADMIN_KEY;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	private final String key;

	GatewayHttp(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	/** Returns a client for the same gateway that presents {@code otherKey}. */
	GatewayHttp as(String otherKey) {
		return new GatewayHttp(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), otherKey);
	}

	Answer get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	Answer post(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		request.header("Authorization", "Bearer " + this.key);
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		JsonNode body = contentType.contains("json") ? JSON.readTree(response.body()) : JSON.missingNode();
		return new Answer(response.statusCode(), contentType, body, response.body(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	/** Answer is one HTTP answer of the gateway. */
	record Answer(int status, String contentType, JsonNode json, String text, Duration took) {

		@Override
		public String toString() {
			return this.status + " " + this.text;
		}

	}

}
