package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.jspecify.annotations.Nullable;

/**
 * RecordingReceiver is a real HTTP receiver (the JDK's HttpServer on a loopback port),
 * standing in for an on-call tool's webhook endpoint: it records every request, answers
 * with a status the test sets, and can go down and come back on the same port. It speaks
 * HTTPS when made with {@link #https}.
 */
public final class RecordingReceiver implements AutoCloseable {

	private final List<Received> received = new ArrayList<>();

	private final int port;

	private final @Nullable SSLContext tls;

	private final boolean needClientAuth;

	private final String @Nullable [] protocols;

	private HttpServer server;

	private volatile Answer answer = new Answer((n) -> 200, "text/plain", "");

	private volatile @Nullable String redirectLocation;

	/**
	 * Received is one request as received.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param query the raw query string, empty when none
	 * @param authorization the Authorization header, or null
	 * @param contentType the Content-Type header, or null
	 * @param body request body
	 * @param answeredWith status it was answered with
	 * @param at when it arrived
	 * @param headers every header's first value, by lower-case name
	 */
	public record Received(String method, String path, String query, String authorization, String contentType,
			String body, int answeredWith, Instant at, Map<String, String> headers) {

		/** The first value of a header, or null. */
		public @Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private record Answer(IntUnaryOperator statusByRequestNumber, String contentType, String body) {
	}

	/** Starts a receiver on a free loopback port. */
	public RecordingReceiver() {
		this(null, false, null);
	}

	private RecordingReceiver(@Nullable SSLContext tls, boolean needClientAuth, String @Nullable [] protocols) {
		this.tls = tls;
		this.needClientAuth = needClientAuth;
		this.protocols = protocols;
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	/**
	 * Starts an HTTPS receiver with the server certificate of {@code tls}; with
	 * {@code needClientAuth} it refuses clients that show no certificate its trust
	 * managers accept; {@code protocols} limits the TLS versions (all when empty).
	 */
	public static RecordingReceiver https(SSLContext tls, boolean needClientAuth, String... protocols) {
		return new RecordingReceiver(tls, needClientAuth, (protocols.length > 0) ? protocols : null);
	}

	private HttpServer start(int onPort) {
		try {
			InetSocketAddress address = new InetSocketAddress("127.0.0.1", onPort);
			HttpServer s = (this.tls != null) ? httpsServer(address, this.tls) : HttpServer.create(address, 64);
			s.createContext("/", this::handle);
			s.start();
			return s;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start recording receiver on port " + onPort, ex);
		}
	}

	private HttpsServer httpsServer(InetSocketAddress address, SSLContext context) throws IOException {
		HttpsServer s = HttpsServer.create(address, 64);
		s.setHttpsConfigurator(new HttpsConfigurator(context) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters ssl = context.getDefaultSSLParameters();
				ssl.setNeedClientAuth(RecordingReceiver.this.needClientAuth);
				if (RecordingReceiver.this.protocols != null) {
					ssl.setProtocols(RecordingReceiver.this.protocols);
				}
				params.setSSLParameters(ssl);
			}
		});
		return s;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Answer current = this.answer;
			int status;
			synchronized (this.received) {
				status = current.statusByRequestNumber().applyAsInt(this.received.size() + 1);
				this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""),
						exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Content-Type"), body, status, Instant.now(),
						firstValues(exchange)));
				this.received.notifyAll();
			}
			byte[] out = current.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", current.contentType());
			String location = this.redirectLocation;
			if (location != null && status / 100 == 3) {
				exchange.getResponseHeaders().set("Location", location);
			}
			exchange.sendResponseHeaders(status, (out.length == 0) ? -1 : out.length);
			if (out.length > 0) {
				try (OutputStream os = exchange.getResponseBody()) {
					os.write(out);
				}
			}
		}
	}

	private static Map<String, String> firstValues(HttpExchange exchange) {
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
		return Map.copyOf(headers);
	}

	/** The URL of a path on this receiver. */
	public String url(String path) {
		return ((this.tls != null) ? "https" : "http") + "://127.0.0.1:" + this.port + path;
	}

	/** Answers every following request with this status and an empty body. */
	public void answerWith(int status) {
		answerWith(status, "text/plain", "");
	}

	/** Answers every following request with this status, content type and body. */
	public void answerWith(int status, String contentType, String body) {
		this.answer = new Answer((n) -> status, contentType, body);
	}

	/** Answers request number n (from 1) with the status the function gives. */
	public void answerBy(IntUnaryOperator statusForRequestNumber) {
		answerBy(statusForRequestNumber, "text/plain", "");
	}

	/**
	 * Answers request number n (from 1) with the status the function gives, and always
	 * this content type and body.
	 */
	public void answerBy(IntUnaryOperator statusForRequestNumber, String contentType, String body) {
		this.answer = new Answer(statusForRequestNumber, contentType, body);
	}

	/** Sends {@code Location: <location>} with every 3xx answer that follows. */
	public void redirectTo(String location) {
		this.redirectLocation = location;
	}

	/** Closes the port: connections are refused until {@link #up()}. */
	public synchronized void down() {
		this.server.stop(0);
	}

	/** Listens again on the same port. */
	public synchronized void up() {
		this.server = start(this.port);
	}

	/** All requests received so far, in arrival order. */
	public List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/** Bodies of requests that were answered 2xx, in arrival order. */
	public List<String> acceptedBodies() {
		return received().stream().filter((r) -> r.answeredWith() / 100 == 2).map(Received::body).toList();
	}

	/**
	 * Waits until at least {@code count} recorded requests satisfy the predicate, or the
	 * timeout passes; returns those requests either way so the caller asserts on them.
	 */
	public List<Received> awaitMatching(int count, Predicate<Received> predicate, Duration timeout)
			throws InterruptedException {
		return Waiting.awaitMatching(this.received, count, predicate, timeout);
	}

	@Override
	public synchronized void close() {
		this.server.stop(0);
	}

}
