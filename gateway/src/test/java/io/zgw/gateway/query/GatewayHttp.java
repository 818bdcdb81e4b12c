package io.zgw.gateway.query;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/**
	 * Sends {@code GET path} as written, over a plain socket: for request lines that
	 * {@link URI} refuses to build (a {@code %zz}) or that servers refuse to read.
	 */
	Answer raw(String path) throws IOException {
		try (Socket socket = new Socket("127.0.0.1",
				Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)))) {
			socket.setSoTimeout(30_000);
			// HTTP/1.0: the answer is not chunked and ends when the server closes.
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.0\r\nAuthorization: Bearer " + this.key + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = answer.indexOf("\r\n\r\n");
			String head = answer.substring(0, end);
			String body = answer.substring(end + 4);
			Matcher type = Pattern.compile("(?im)^content-type: *(.*)$").matcher(head);
			String contentType = type.find() ? type.group(1).trim() : "";
			return new Answer(Integer.parseInt(head.split(" ", 3)[1]), contentType,
					contentType.contains("json") ? JSON.readTree(body) : JSON.missingNode(), body, Duration.ZERO);
		}
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
