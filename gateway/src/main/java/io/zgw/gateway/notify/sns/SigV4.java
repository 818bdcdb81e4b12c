package io.zgw.gateway.notify.sns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zgw.alerts.model.Sha256;

/**
 * SigV4 signs an AWS request with Signature Version 4 as the AWS SDK for Go does for a
 * form POST: the canonical request over the method, the path, no query, the
 * {@code content-length}, {@code content-type}, {@code host}, {@code x-amz-date} (and,
 * with temporary credentials, {@code x-amz-security-token}) headers and the body's
 * SHA-256; the key derived from the secret key, the day, the region and the service.
 */
final class SigV4 {

	static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final HexFormat HEX = HexFormat.of();

	private SigV4() {
	}

	/**
	 * Returns the {@code X-Amz-Date} and {@code Authorization} headers of a POST of
	 * {@code body} to {@code url}.
	 */
	static Signature sign(URI url, String contentType, String body, String region, String service,
			AwsCredentials credentials, Instant at) {
		String amzDate = AMZ_DATE.format(at);
		String day = amzDate.substring(0, 8);
		Map<String, String> headers = new TreeMap<>();
		headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
		headers.put("content-type", contentType);
		headers.put("host", host(url));
		headers.put("x-amz-date", amzDate);
		if (credentials.sessionToken() != null) {
			headers.put("x-amz-security-token", credentials.sessionToken().value());
		}
		StringBuilder canonical = new StringBuilder("POST\n").append(escapePath(url.getRawPath())).append("\n\n");
		headers.forEach((name, value) -> canonical.append(name).append(':').append(value.strip()).append('\n'));
		String signedHeaders = String.join(";", headers.keySet());
		canonical.append('\n').append(signedHeaders).append('\n').append(Sha256.hex(body));
		String scope = day + "/" + region + "/" + service + "/aws4_request";
		String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + Sha256.hex(canonical.toString());
		byte[] key = hmac(("AWS4" + credentials.secretAccessKey().value()).getBytes(StandardCharsets.UTF_8), day);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		String signature = HEX.formatHex(hmac(key, toSign));
		return new Signature(amzDate, ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
				+ ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
	}

	// The Host header the JDK's client sends: the port only when it is not the scheme's.
	private static String host(URI url) {
		int port = url.getPort();
		boolean defaultPort = port == -1 || ("https".equals(url.getScheme()) && port == 443)
				|| ("http".equals(url.getScheme()) && port == 80);
		return defaultPort ? url.getHost() : url.getHost() + ":" + port;
	}

	// Each byte outside the unreserved characters and '/' as %XX, the raw path's escapes
	// escaped again (as the SDK does for every service but S3).
	private static String escapePath(String rawPath) {
		String path = (rawPath == null || rawPath.isEmpty()) ? "/" : rawPath;
		StringBuilder escaped = new StringBuilder();
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == '~' || c == '/';
			escaped.append(unreserved ? String.valueOf(c) : String.format(Locale.ROOT, "%%%02X", b & 0xff));
		}
		return escaped.toString();
	}

	/**
	 * Signature is what a signed request carries.
	 *
	 * @param amzDate the {@code X-Amz-Date} header
	 * @param authorization the {@code Authorization} header
	 */
	record Signature(String amzDate, String authorization) {
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

}
