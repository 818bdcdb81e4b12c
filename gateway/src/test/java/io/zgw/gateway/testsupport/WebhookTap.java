package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * WebhookTap is a real HTTP server that forwards every POST unchanged (body,
 * {@code Authorization}, {@code X-Zgw-Shard}, {@code Content-Type}) to a target URL,
 * answers with the target's status and body, and records each exchange, so a test can
 * replay exactly what a Zabbix webhook sent.
 */
public final class WebhookTap implements AutoCloseable {

	private static final List<String> FORWARDED = List.of("Authorization", "X-Zgw-Shard", "Content-Type");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI target;

	private final List<Exchange> exchanges = new ArrayList<>();

	/**
	 * Exchange is one forwarded request (headers of {@link #FORWARDED}, body) and the
	 * target's answer.
	 */
	public record Exchange(String authorization, String shard, String body, int status, String answer) {
	}

	/** Starts a tap on a free port that forwards to {@code target}. */
	public WebhookTap(URI target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			HttpRequest.Builder forward = HttpRequest.newBuilder(this.target)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body));
			for (String header : FORWARDED) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					forward.header(header, value);
				}
			}
			int status;
			String answer;
			try {
				HttpResponse<String> response = this.client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				answer = response.body();
			}
			catch (IOException ex) {
				status = 502;
				answer = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				status = 503;
				answer = ex.toString();
			}
			synchronized (this.exchanges) {
				this.exchanges.add(new Exchange(exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("X-Zgw-Shard"), body, status, answer));
				this.exchanges.notifyAll();
			}
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + this.target.getPath();
	}

	public List<Exchange> exchanges() {
		synchronized (this.exchanges) {
			return List.copyOf(this.exchanges);
		}
	}

	/**
	 * Waits until at least {@code count} recorded exchanges satisfy the predicate, or the
	 * timeout passes; returns those exchanges either way so the caller asserts on them.
	 */
	public List<Exchange> awaitMatching(int count, Predicate<Exchange> predicate, Duration timeout)
			throws InterruptedException {
		return Waiting.awaitMatching(this.exchanges, count, predicate, timeout);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
