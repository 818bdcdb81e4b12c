package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * RecordingReceiver is a real HTTP server that records every request body it receives,
 * standing in for an on-call tool's webhook endpoint in end-to-end tests.
 */
public final class RecordingReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private volatile int status = 200;

	/** Received is one request: path, headers of interest and the body. */
	public record Received(String path, String authorization, String body, Instant at) {
	}

	public RecordingReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			synchronized (this.received) {
				this.received.add(new Received(exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization"), body, Instant.now()));
				this.received.notifyAll();
			}
			exchange.sendResponseHeaders(this.status, -1);
		}
		finally {
			exchange.close();
		}
	}

	/** Makes the receiver answer every following request with the given status. */
	public void answerWith(int status) {
		this.status = status;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/**
	 * Waits until at least {@code count} recorded requests satisfy the predicate, or the
	 * timeout passes; returns those requests either way so the caller asserts on them.
	 */
	public List<Received> awaitMatching(int count, Predicate<Received> predicate, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.received) {
			while (true) {
				List<Received> matching = this.received.stream().filter(predicate).toList();
				long left = deadline - System.nanoTime();
				if (matching.size() >= count || left <= 0) {
					return matching;
				}
				this.received.wait(Math.max(1, left / 1_000_000));
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
