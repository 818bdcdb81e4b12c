package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * AwsHttp is what the calls for credentials (AWS STS, a container's endpoint, the
 * instance metadata service) share: an HTTP/1.1 client that follows no redirect, and
 * failures as {@link IllegalStateException}s naming the source, never its URL, a key or a
 * token.
 */
final class AwsHttp {

	private AwsHttp() {
	}

	/** A client that waits {@code connectTimeout} at most to connect. */
	static HttpClient client(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends the request as zgw, waiting {@code timeout} at most for the answer.
	 * @throws IllegalStateException naming {@code source} and what went wrong
	 */
	static HttpResponse<String> send(String source, HttpClient client, HttpRequest.Builder request, Duration timeout) {
		try {
			return client.send(request.timeout(timeout).header("User-Agent", "zgw").build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					source + ": " + ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(source + ": interrupted", ex);
		}
	}

	/** An ISO 8601 time, with an offset (STS's and the metadata services' form). */
	static Instant expiration(String source, String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException(source + ": credentials without a valid Expiration", ex);
		}
	}

}
