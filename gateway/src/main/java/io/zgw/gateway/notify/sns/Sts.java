package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.GoForm;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Sts asks AWS STS (its Query API, version 2011-06-15) for temporary credentials as the
 * AWS SDK for Go v1 does: a form POST, its parameters sorted by name, answered in XML
 * ({@code Credentials} with {@code AccessKeyId}, {@code SecretAccessKey},
 * {@code SessionToken} and {@code Expiration}, or an {@code Error} with a {@code Code}
 * and a {@code Message}). A failure is an {@link IllegalStateException} naming the action
 * and STS's error, never a key, a token or the endpoint.
 */
final class Sts {

	/** The role session of {@code AssumeRole}: 15 minutes, the SDK's default. */
	static final Duration ROLE_DURATION = Duration.ofMinutes(15);

	private static final String VERSION = "2011-06-15";

	private static final HttpClient CLIENT = AwsHttp.client(Duration.ofSeconds(5));

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int MAX_MESSAGE = 200;

	private Sts() {
	}

	/**
	 * The region's STS endpoint, as SNS's is the region's SNS endpoint.
	 */
	static URI endpoint(String region) {
		return URI.create("https://sts." + region + ".amazonaws.com/");
	}

	/**
	 * {@code AssumeRole}, signed with {@code base} for service {@code sts} in
	 * {@code region}; the session is named after {@code now} in nanoseconds, as the SDK
	 * names it.
	 */
	static TemporaryCredentials assumeRole(URI endpoint, String region, String roleArn, AwsCredentials base,
			Instant now) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("Action", "AssumeRole");
		form.put("DurationSeconds", Long.toString(ROLE_DURATION.toSeconds()));
		form.put("RoleArn", roleArn);
		form.put("RoleSessionName", sessionName(now));
		form.put("Version", VERSION);
		String body = GoForm.encode(form);
		SigV4.Signature signature = SigV4.sign(endpoint, SnsNotifier.FORM, body, region, "sts", base, now);
		HttpRequest.Builder request = post(endpoint, body).header("X-Amz-Date", signature.amzDate())
			.header("Authorization", signature.authorization());
		if (base.sessionToken() != null) {
			request.header("X-Amz-Security-Token", base.sessionToken().value());
		}
		return call("AssumeRole", request);
	}

	/**
	 * {@code AssumeRoleWithWebIdentity}, unsigned: the web identity token (an OIDC JWT,
	 * such as a Kubernetes service account's) is what authenticates. No duration is asked
	 * for, as the SDK asks none: the role's default (an hour) applies.
	 */
	static TemporaryCredentials assumeRoleWithWebIdentity(URI endpoint, String roleArn, String sessionName,
			String webIdentityToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("Action", "AssumeRoleWithWebIdentity");
		form.put("RoleArn", roleArn);
		form.put("RoleSessionName", sessionName);
		form.put("Version", VERSION);
		form.put("WebIdentityToken", webIdentityToken);
		return call("AssumeRoleWithWebIdentity", post(endpoint, GoForm.encode(form)));
	}

	/** The SDK's name for a role session: the time in nanoseconds since 1970. */
	static String sessionName(Instant now) {
		return Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
	}

	private static HttpRequest.Builder post(URI endpoint, String body) {
		return HttpRequest.newBuilder(endpoint)
			.header("Content-Type", SnsNotifier.FORM)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private static TemporaryCredentials call(String action, HttpRequest.Builder request) {
		HttpResponse<String> response = AwsHttp.send("AWS STS " + action, CLIENT, request, TIMEOUT);
		@Nullable Document xml = parse(response.body());
		if (response.statusCode() / 100 != 2) {
			String code = text(xml, "Code");
			String message = text(xml, "Message");
			if (message.length() > MAX_MESSAGE) {
				message = message.substring(0, MAX_MESSAGE) + "...";
			}
			throw new IllegalStateException("AWS STS " + action + ": " + response.statusCode()
					+ (code.isEmpty() ? " (no AWS error in the answer)" : " " + code + ": " + message));
		}
		String id = text(xml, "AccessKeyId");
		String secret = text(xml, "SecretAccessKey");
		String token = text(xml, "SessionToken");
		if (id.isEmpty() || secret.isEmpty() || token.isEmpty()) {
			throw new IllegalStateException("AWS STS " + action + ": " + response.statusCode()
					+ " without AccessKeyId, SecretAccessKey and SessionToken");
		}
		return new TemporaryCredentials(new AwsCredentials(id, new Secret(secret), new Secret(token)),
				AwsHttp.expiration(action, text(xml, "Expiration")));
	}

	// The answer as XML; null when it is not XML.
	private static @Nullable Document parse(String body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			return null;
		}
	}

	// The text of the first element named so, stripped; empty when there is none.
	private static String text(@Nullable Document xml, String element) {
		if (xml == null) {
			return "";
		}
		NodeList nodes = xml.getElementsByTagName(element);
		return (nodes.getLength() == 0) ? "" : nodes.item(0).getTextContent().strip();
	}

}
