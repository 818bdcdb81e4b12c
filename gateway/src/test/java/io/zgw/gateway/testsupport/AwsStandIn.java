package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * AwsStandIn is a real HTTP server (the JDK's, on a loopback port) answering as the AWS
 * endpoints an SNS entry's credentials come from and its Publish goes to, in the shapes
 * AWS documents (AWS cannot be reached here):
 * <ul>
 * <li>a form POST with {@code Action=AssumeRole} or {@code AssumeRoleWithWebIdentity}:
 * AWS STS, answering XML;</li>
 * <li>a form POST with {@code Action=Publish}: Amazon SNS;</li>
 * <li>{@code PUT /latest/api/token} and {@code GET /latest/meta-data/iam/...}: the EC2
 * instance metadata service (IMDSv2, the role {@link #INSTANCE_ROLE});</li>
 * <li>any other GET: a container credentials endpoint (ECS, EKS), answering JSON.</li>
 * </ul>
 * The credentials it hands out are numbered from 1: the n-th are {@code ASIATEMP<n>},
 * {@code tempSecret<n>} and {@code tempToken<n>}, expiring when the test says. It records
 * every request and can be told to refuse STS calls with an AWS error.
 */
public final class AwsStandIn implements AutoCloseable {

	/** The IMDSv2 session token it hands out and then asks for. */
	public static final String IMDS_TOKEN = "imds-session-token";

	/** The instance's role. */
	public static final String INSTANCE_ROLE = "zgw-instance";

	private static final String IMDS_CREDENTIALS = "/latest/meta-data/iam/security-credentials/";

	private final HttpServer server;

	private final List<Request> requests = new ArrayList<>();

	private int issued;

	private Instant expiration = Instant.parse("2100-01-01T00:00:00Z");

	private @Nullable String stsError;

	private int stsStatus;

	private boolean closed;

	/**
	 * Request is one request as received.
	 *
	 * @param method HTTP method
	 * @param path request path
	 * @param body request body, empty when none
	 * @param headers every header's first value, by lower-case name
	 */
	public record Request(String method, String path, String body, Map<String, String> headers) {

		/** The first value of a header, or null. */
		public @Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		/** The parameters of a form body, in their order. */
		public Map<String, String> form() {
			Map<String, String> form = new LinkedHashMap<>();
			for (String pair : this.body.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return form;
		}

		/** The form's {@code Action}, or empty. */
		public String action() {
			return form().getOrDefault("Action", "");
		}

	}

	/** Starts the server on a free loopback port. */
	public AwsStandIn() {
		this.server = LoopbackServer.start(this::handle);
	}

	/** The URL of {@code path} on this server. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** The credentials handed out from now on expire at {@code expiration}. */
	public synchronized void expireAt(Instant expiration) {
		this.expiration = expiration;
	}

	/**
	 * STS answers {@code status} with an AWS error of {@code code} and {@code message}.
	 */
	public synchronized void refuseSts(int status, String code, String message) {
		this.stsStatus = status;
		this.stsError = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
				+ "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
				+ "<RequestId>4f1c2f9e-0000-4000-8000-000000000001</RequestId></ErrorResponse>";
	}

	/** STS hands out credentials again. */
	public synchronized void answerSts() {
		this.stsError = null;
	}

	/** How many credentials it has handed out. */
	public synchronized int issued() {
		return this.issued;
	}

	/** Every request so far. */
	public synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The requests so far that match. */
	public synchronized List<Request> requests(Predicate<Request> which) {
		return this.requests.stream().filter(which).toList();
	}

	/** The requests so far with the form's {@code Action}. */
	public List<Request> requests(String action) {
		return requests((request) -> request.action().equals(action));
	}

	/** Stops the server; a second call does nothing. */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.server.stop(0);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					new String(in.readAllBytes(), StandardCharsets.UTF_8), headers);
			synchronized (this) {
				this.requests.add(request);
				answer(exchange, request);
			}
		}
	}

	private void answer(HttpExchange exchange, Request request) throws IOException {
		if ("POST".equals(request.method())) {
			String action = request.action();
			if ("Publish".equals(action)) {
				send(exchange, 200, "text/xml", "<PublishResponse><PublishResult><MessageId>m-1</MessageId>"
						+ "</PublishResult></PublishResponse>");
			}
			else if (this.stsError != null) {
				send(exchange, this.stsStatus, "text/xml", this.stsError);
			}
			else if ("AssumeRole".equals(action) || "AssumeRoleWithWebIdentity".equals(action)) {
				int n = ++this.issued;
				send(exchange, 200, "text/xml", "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/"
						+ "2011-06-15/\"><" + action + "Result><Credentials><AccessKeyId>ASIATEMP" + n
						+ "</AccessKeyId><SecretAccessKey>tempSecret" + n + "</SecretAccessKey><SessionToken>tempToken"
						+ n + "</SessionToken><Expiration>" + this.expiration + "</Expiration></Credentials>"
						+ "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/am/s</Arn></AssumedRoleUser>"
						+ "</" + action + "Result></" + action + "Response>");
			}
			else {
				send(exchange, 400, "text/xml",
						"<ErrorResponse><Error><Code>InvalidAction</Code></Error>" + "</ErrorResponse>");
			}
		}
		else if ("PUT".equals(request.method()) && "/latest/api/token".equals(request.path())) {
			boolean ttl = request.header("X-aws-ec2-metadata-token-ttl-seconds") != null;
			send(exchange, ttl ? 200 : 400, "text/plain", ttl ? IMDS_TOKEN : "");
		}
		else if (request.path().startsWith(IMDS_CREDENTIALS)) {
			String role = request.path().substring(IMDS_CREDENTIALS.length());
			if (!IMDS_TOKEN.equals(request.header("X-aws-ec2-metadata-token"))) {
				send(exchange, 401, "text/plain", "");
			}
			else if (role.isEmpty()) {
				send(exchange, 200, "text/plain", INSTANCE_ROLE + "\n");
			}
			else if (INSTANCE_ROLE.equals(role)) {
				send(exchange, 200, "text/plain", credentialsJson("\"Code\":\"Success\",\"Type\":\"AWS-HMAC\","));
			}
			else {
				send(exchange, 404, "text/plain", "");
			}
		}
		else {
			send(exchange, 200, "application/json", credentialsJson(""));
		}
	}

	private String credentialsJson(String before) {
		int n = ++this.issued;
		return "{" + before + "\"AccessKeyId\":\"ASIATEMP" + n + "\",\"SecretAccessKey\":\"tempSecret" + n
				+ "\",\"Token\":\"tempToken" + n + "\",\"Expiration\":\"" + this.expiration + "\"}";
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
