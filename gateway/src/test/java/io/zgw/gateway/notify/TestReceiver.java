package io.zgw.gateway.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * TestReceiver is a real HTTP receiver (the JDK's HttpServer on a loopback port) that
 * records every request and answers with a status the test sets; it can go down and come
 * back on the same port.
 */
public final class TestReceiver implements AutoCloseable {

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicReference<IntUnaryOperator> statusByRequestNumber = new AtomicReference<>();

	private final AtomicReference<String> answerBody = new AtomicReference<>("");

	private final AtomicReference<String> answerType = new AtomicReference<>("text/plain");

	private final int port;

	private HttpServer server;

	public TestReceiver() {
		this.server = start(0);
		this.port = server.getAddress().getPort();
	}

	private HttpServer start(int onPort) {
		try {
			HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
			s.createContext("/", this::handle);
			s.start();
			return s;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start test receiver on port " + onPort, ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int number = received.incrementAndGet();
			IntUnaryOperator policy = statusByRequestNumber.get();
			int answer = (policy != null) ? policy.applyAsInt(number) : status.get();
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
			byte[] out = answerBody.get().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answerType.get());
			exchange.sendResponseHeaders(answer, (out.length == 0) ? -1 : out.length);
			if (out.length > 0) {
				try (OutputStream os = exchange.getResponseBody()) {
					os.write(out);
				}
			}
		}
		finally {
			exchange.close();
		}
	}

	/** The URL of a path on this receiver. */
	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Answers every following request with this status and an empty body. */
	public void answer(int httpStatus) {
		answer(httpStatus, "text/plain", "");
	}

	/** Answers request number n (from 1) with the status the function gives. */
	public void answerBy(IntUnaryOperator statusForRequestNumber) {
		statusByRequestNumber.set(statusForRequestNumber);
	}

	public void answer(int httpStatus, String contentType, String body) {
		statusByRequestNumber.set(null);
		status.set(httpStatus);
		answerType.set(contentType);
		answerBody.set(body);
	}

	/** Closes the port: connections are refused until {@link #up()}. */
	public synchronized void down() {
		server.stop(0);
	}

	/** Listens again on the same port. */
	public synchronized void up() {
		server = start(port);
	}

	/** All requests received so far, in arrival order. */
	public List<Request> requests() {
		return List.copyOf(requests);
	}

	/** Bodies of requests that were answered 2xx, in arrival order. */
	public List<String> acceptedBodies() {
		return requests.stream().filter((r) -> r.answeredWith / 100 == 2).map(Request::body).toList();
	}

	@Override
	public synchronized void close() {
		server.stop(0);
	}

	/**
	 * Request is one request as received.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param authorization the Authorization header, or null
	 * @param contentType the Content-Type header, or null
	 * @param body request body
	 * @param answeredWith status it was answered with
	 */
	public record Request(String method, String path, String authorization, String contentType, String body,
			int answeredWith) {
	}

}
