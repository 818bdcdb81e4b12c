package io.zgw.gateway.notify.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.zgw.gateway.notify.DeliveryResult;
import org.jspecify.annotations.Nullable;

/**
 * JsonPoster POSTs JSON to receivers over one shared {@link HttpClient} (or one of a
 * receiver's own, see {@link #with}) and sorts the answer into delivered, retryable or
 * permanent the way Alertmanager's retrier does.
 */
public final class JsonPoster {

	private static final int MAX_BODY_IN_ERROR = 200;

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final int MAX_REDIRECTS = 10;

	private final HttpClient client;

	private final Duration connectTimeout;

	/**
	 * Creates a poster on the given client (HTTP/1.1 unless a request's
	 * {@code enable_http2} asks for HTTP/2, connect timeout set by the caller).
	 */
	public JsonPoster(HttpClient client) {
		this.client = client;
		this.connectTimeout = client.connectTimeout().orElse(Duration.ofSeconds(10));
	}

	/**
	 * An HTTP/1.1 client with the given connect timeout; redirects are followed by
	 * {@link #send}, not by the client.
	 */
	public static HttpClient newClient(Duration connectTimeout) {
		return clientBuilder(connectTimeout).build();
	}

	private static HttpClient.Builder clientBuilder(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER);
	}

	/**
	 * Returns this poster when its client does what {@code http} asks, else a poster with
	 * a client of its own (same connect timeout) with the {@code tls_config} and proxy
	 * asked for; a notifier keeps it until the next reload.
	 */
	public JsonPoster with(HttpConfig http) {
		if (http.tls() == null && http.proxyUrl() == null) {
			return this;
		}
		return new JsonPoster(newClient(this.connectTimeout, http.tls(), http.proxyUrl()));
	}

	/**
	 * A client as {@link #newClient(Duration)} makes, with a {@code tls_config} and an
	 * {@code http://} proxy, either of which may be null.
	 */
	static HttpClient newClient(Duration connectTimeout, @Nullable TlsContext tls, @Nullable URI proxy) {
		HttpClient.Builder builder = clientBuilder(connectTimeout);
		if (tls != null) {
			builder.sslContext(tls.sslContext()).sslParameters(tls.sslParameters());
		}
		if (proxy != null) {
			int port = (proxy.getPort() != -1) ? proxy.getPort() : 80;
			builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), port)));
		}
		return builder.build();
	}

	/**
	 * Posts {@code json} and returns the answer; a failure to get an answer is returned
	 * as a retryable {@link Answer} with status 0.
	 */
	public Answer post(URI url, String json, HttpConfig httpConfig, Duration timeout) {
		return send("POST", url, json, httpConfig, null, timeout);
	}

	/**
	 * Sends {@code json} with the method and returns the answer as {@link #post} does;
	 * {@code authorization}, when given, is the {@code Authorization} header instead of
	 * what {@code httpConfig} asks for (as an API key does in Alertmanager).
	 *
	 * <p>
	 * Redirects are followed here, as Go's client does for Alertmanager (unless
	 * {@code follow_redirects: false}): at most 10; 301, 302 and 303 go on as a GET
	 * without body, 307 and 308 keep method and body; the {@code Authorization} header
	 * goes only to the host it was meant for, and never from https to http.
	 */
	public Answer send(String method, URI url, String json, HttpConfig httpConfig, @Nullable String authorization,
			Duration timeout) {
		return send(method, url, json, "application/json", Map.of(), httpConfig, authorization, timeout);
	}

	/**
	 * Sends {@code body} as
	 * {@link #send(String, URI, String, HttpConfig, String, Duration)} does, with its own
	 * {@code Content-Type} and {@code headers}, which go only where the
	 * {@code Authorization} header goes.
	 */
	public Answer send(String method, URI url, String body, String contentType, Map<String, String> headers,
			HttpConfig httpConfig, @Nullable String authorization, Duration timeout) {
		try {
			HttpResponse<String> response = exchange(method, url, body, contentType, headers, httpConfig, authorization,
					timeout, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			// JDK I/O exception texts name neither URL nor headers: safe to keep.
			String error = ex.getClass().getSimpleName();
			return new Answer(0, (ex.getMessage() != null) ? error + ": " + ex.getMessage() : error, "");
		}
		catch (IllegalArgumentException ex) {
			// HttpRequest refuses a URL or header value; its text may quote the value.
			return new Answer(0, "unusable URL or header value", "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(0, "interrupted", "");
		}
	}

	/**
	 * GETs {@code url} as {@link #send} sends (authentication, redirects) and returns the
	 * response with its body as a stream, which the caller closes.
	 * @throws IOException when no answer came, with a message naming neither URL nor
	 * headers
	 */
	public HttpResponse<InputStream> get(URI url, HttpConfig httpConfig, Duration timeout)
			throws IOException, InterruptedException {
		return exchange("GET", url, "", "", Map.of(), httpConfig, null, timeout,
				HttpResponse.BodyHandlers.ofInputStream());
	}

	// Sends the request and follows redirects as send describes; returns the last
	// response.
	private <T> HttpResponse<T> exchange(String method, URI url, String body, String contentType,
			Map<String, String> headers, HttpConfig httpConfig, @Nullable String authorization, Duration timeout,
			HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
		String header = (authorization != null) ? authorization : (httpConfig.oauth2() != null)
				? httpConfig.oauth2().authorization(this.client, timeout) : httpConfig.authorizationHeader();
		URI target = url;
		String currentMethod = method;
		for (int redirects = 0;; redirects++) {
			boolean withBody = !"GET".equals(currentMethod);
			HttpRequest.Builder request = HttpRequest.newBuilder(target)
				.version(version(target, httpConfig))
				.timeout(timeout)
				.header("User-Agent", "zgw")
				.method(currentMethod, withBody ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (withBody) {
				request.header("Content-Type", contentType);
			}
			if (sameOrigin(url, target)) {
				if (header != null) {
					request.header("Authorization", header);
				}
				headers.forEach(request::header);
			}
			HttpResponse<T> response = this.client.send(request.build(), handler);
			String location = response.headers().firstValue("Location").orElse(null);
			if (!httpConfig.followRedirects() || !REDIRECTS.contains(response.statusCode()) || location == null) {
				return response;
			}
			URI next = redirect(target, location);
			if ("https".equals(target.getScheme()) && !"https".equals(next.getScheme())) {
				return response;
			}
			if (response.body() instanceof Closeable unread) {
				unread.close();
			}
			if (redirects == MAX_REDIRECTS) {
				throw new IOException("stopped after " + MAX_REDIRECTS + " redirects");
			}
			target = next;
			currentMethod = (response.statusCode() == 307 || response.statusCode() == 308) ? currentMethod : "GET";
		}
	}

	// Where a Location header leads: an absolute http or https URL.
	private static URI redirect(URI from, String location) throws IOException {
		try {
			URI next = from.resolve(location);
			if (("http".equalsIgnoreCase(next.getScheme()) || "https".equalsIgnoreCase(next.getScheme()))
					&& next.getHost() != null) {
				return next;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not a URI: refused below.
		}
		throw new IOException("redirect to an unusable location");
	}

	// As Go's client with enable_http2: HTTP/2 only where TLS negotiates it (ALPN), so
	// a plain-http receiver never gets the h2c upgrade headers Java would add.
	private static HttpClient.Version version(URI target, HttpConfig httpConfig) {
		return (httpConfig.enableHttp2() && "https".equalsIgnoreCase(target.getScheme())) ? HttpClient.Version.HTTP_2
				: HttpClient.Version.HTTP_1_1;
	}

	// As Go's client: credentials follow a redirect to the same host only.
	private static boolean sameOrigin(URI original, URI target) {
		return original.getHost() != null && original.getHost().equalsIgnoreCase(target.getHost())
				&& original.getPort() == target.getPort() && original.getScheme().equals(target.getScheme());
	}

	/**
	 * Answer is what a receiver answered to one POST.
	 *
	 * @param status HTTP status, or 0 when no answer came (connection refused, timeout)
	 * @param body the answer's body, or the I/O error's text when {@code status} is 0
	 * @param contentType the answer's {@code Content-Type}, empty when absent
	 */
	public record Answer(int status, String body, String contentType) {

		/**
		 * 2xx is delivered; 400, 413 and 422, the receiver refusing the message itself,
		 * are permanent: the same bytes would be refused again. Anything else is
		 * retryable: 5xx and no answer, and the other 4xx (401, 403, 404 from an auth
		 * proxy or an ingress during a deploy, 429), which a receiver that comes back or
		 * a corrected routing file (URL and credentials are read at each send) ends.
		 * Alertmanager treats no 4xx but 429 as retryable within one attempt, but sends
		 * the group again at its next flush.
		 */
		public DeliveryResult result() {
			if (status == 0) {
				return DeliveryResult.retryable(body);
			}
			if (status / 100 == 2) {
				return DeliveryResult.delivered();
			}
			String error = "unexpected status code " + status + bodyExcerpt();
			if (status == 400 || status == 413 || status == 422) {
				return DeliveryResult.permanent(error);
			}
			return DeliveryResult.retryable(error);
		}

		private String bodyExcerpt() {
			String trimmed = body.strip();
			if (trimmed.isEmpty()) {
				return "";
			}
			return ": " + (trimmed.length() > MAX_BODY_IN_ERROR ? trimmed.substring(0, MAX_BODY_IN_ERROR) + "..."
					: trimmed);
		}

	}

}
