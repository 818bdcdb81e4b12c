package io.zgw.gateway.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

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

	private final String base;

	private final String key;

	/** Sends requests with the admin key (the Zabbix webhook path gets no key). */
	public AlertingTestSupport(int port) {
		this(port, ADMIN_KEY);
	}

	public AlertingTestSupport(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!path.startsWith("/api/v1/zabbix/")) {
			request.header("Authorization", "Bearer " + this.key);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.key)
			.GET()
			.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.key)
			.DELETE()
			.build());
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
