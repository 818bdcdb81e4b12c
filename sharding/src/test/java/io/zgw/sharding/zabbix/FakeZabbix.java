package io.zgw.sharding.zabbix;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FakeZabbix is a real HTTP server speaking just enough Zabbix JSON-RPC for client tests;
 * it records every request it receives.
 */
final class FakeZabbix implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Function<Received, String>> methods = new ConcurrentHashMap<>();

	final List<Received> received = new CopyOnWriteArrayList<>();

	FakeZabbix(String version) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/api_jsonrpc.php", this::handle);
		answer("apiinfo.version", (request) -> result(request, "\"" + version + "\""));
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api_jsonrpc.php");
	}

	/** Answers {@code method} with the raw JSON-RPC response the function builds. */
	FakeZabbix answer(String method, Function<Received, String> response) {
		this.methods.put(method, response);
		return this;
	}

	List<Received> calls(String method) {
		return this.received.stream().filter((r) -> r.method().equals(method)).toList();
	}

	static String result(Received request, String resultJson) {
		return "{\"jsonrpc\":\"2.0\",\"result\":" + resultJson + ",\"id\":" + request.body().path("id").asLong() + "}";
	}

	static String error(Received request, int code, String message, String data) {
		return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"data\":\""
				+ data + "\"},\"id\":" + request.body().path("id").asLong() + "}";
	}

	private void handle(HttpExchange exchange) throws IOException {
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		Received request = new Received(body.path("method").asString(), body,
				exchange.getRequestHeaders().getFirst("Authorization"));
		this.received.add(request);
		Function<Received, String> method = this.methods.get(request.method());
		String answer = (method != null) ? method.apply(request)
				: error(request, -32601, "Method not found.", "Incorrect method \\\"" + request.method() + "\\\".");
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** Received is one JSON-RPC request as the server saw it. */
	record Received(String method, JsonNode body, String authorizationHeader) {

		String bodyAuth() {
			JsonNode auth = this.body.get("auth");
			return (auth != null) ? auth.asString() : null;
		}

	}

}
