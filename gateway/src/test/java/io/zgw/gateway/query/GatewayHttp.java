package io.zgw.gateway.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GatewayHttp calls the gateway under test over real HTTP and reads JSON answers. */
final class GatewayHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	GatewayHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
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
