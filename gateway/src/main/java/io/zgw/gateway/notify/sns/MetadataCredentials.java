package io.zgw.gateway.notify.sns;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.zgw.gateway.notify.Secret;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MetadataCredentials gets the temporary credentials of the role a container or an EC2
 * instance runs as, from the link-local services that hand them out, as the AWS SDK for
 * Go v1 does:
 * <ul>
 * <li>a container's credentials endpoint (ECS, EKS): a GET answered with JSON
 * {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token} and {@code Expiration},
 * with an {@code Authorization} header when one is given;</li>
 * <li>the EC2 instance metadata service, IMDSv2 only: a session token from
 * {@code PUT /latest/api/token}, then the role's name from
 * {@code GET /latest/meta-data/iam/security-credentials/} and its credentials from
 * {@code .../<role>}, both with the token.</li>
 * </ul>
 * Connecting waits one second at most. A failure is an {@link IllegalStateException}
 * naming the source and what went wrong, never a key or a token.
 */
final class MetadataCredentials {

	/** The host of {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} (ECS's). */
	static final URI ECS_HOST = URI.create("http://169.254.170.2");

	/**
	 * The instance metadata service, where {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} is
	 * unset.
	 */
	static final URI IMDS = URI.create("http://169.254.169.254");

	private static final HttpClient CLIENT = AwsHttp.client(Duration.ofSeconds(1));

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CONTAINER = "container credentials";

	private static final String INSTANCE = "EC2 instance metadata";

	private static final String ROLES = "/latest/meta-data/iam/security-credentials/";

	private MetadataCredentials() {
	}

	/**
	 * The credentials a container's endpoint hands out; {@code authorization} (empty for
	 * none) is sent as the {@code Authorization} header. Over plain http, only a loopback
	 * host or ECS's is asked, as the SDK allows.
	 */
	static TemporaryCredentials container(URI url, String authorization) {
		if (!"https".equals(url.getScheme()) && !allowedHttpHost(url.getHost())) {
			throw new IllegalStateException(CONTAINER + ": host " + url.getHost() + " is neither a loopback "
					+ "address nor " + ECS_HOST.getHost() + "; only https goes elsewhere");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "application/json");
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = send(CONTAINER, request.GET());
		if (response.statusCode() != 200) {
			// The SDK's endpoints answer an error as {"code": ..., "message": ...}.
			String why = "";
			try {
				JsonNode error = JSON.readTree(response.body());
				why = (" " + error.path("code").asString() + " " + error.path("message").asString()).stripTrailing();
			}
			catch (JacksonException ex) {
				// Not an AWS error: the status says enough.
			}
			throw new IllegalStateException(CONTAINER + ": " + response.statusCode() + why);
		}
		return credentials(CONTAINER, response.body());
	}

	/**
	 * The credentials of the instance's role, from the metadata service at {@code base}.
	 */
	static TemporaryCredentials instance(URI base) {
		String root = base.toString().replaceAll("/+$", "");
		HttpResponse<String> token = send(INSTANCE,
				HttpRequest.newBuilder(URI.create(root + "/latest/api/token"))
					.header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
					.PUT(HttpRequest.BodyPublishers.noBody()));
		if (token.statusCode() != 200 || token.body().isBlank()) {
			throw new IllegalStateException(INSTANCE + ": " + token.statusCode() + " for an IMDSv2 token");
		}
		String session = token.body().strip();
		HttpResponse<String> roles = send(INSTANCE,
				HttpRequest.newBuilder(URI.create(root + ROLES)).header("X-aws-ec2-metadata-token", session).GET());
		String role = roles.body().strip().split("\n", 2)[0].strip();
		if (roles.statusCode() != 200 || role.isEmpty()) {
			throw new IllegalStateException(INSTANCE + ": " + roles.statusCode() + ", no instance role");
		}
		HttpResponse<String> answer = send(INSTANCE,
				HttpRequest.newBuilder(URI.create(root + ROLES + role))
					.header("X-aws-ec2-metadata-token", session)
					.GET());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(INSTANCE + ": " + answer.statusCode() + " for role " + role);
		}
		return credentials(INSTANCE + " (role " + role + ")", answer.body());
	}

	private static boolean allowedHttpHost(String host) {
		if (ECS_HOST.getHost().equals(host)) {
			return true;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static HttpResponse<String> send(String source, HttpRequest.Builder request) {
		return AwsHttp.send(source, CLIENT, request, TIMEOUT);
	}

	// The credentials of a JSON answer; the instance's also has a Code, "Success".
	private static TemporaryCredentials credentials(String source, String body) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(source + ": the answer is not JSON", ex);
		}
		String code = json.path("Code").asString();
		if (!code.isEmpty() && !"Success".equals(code)) {
			throw new IllegalStateException(source + ": " + code);
		}
		String id = json.path("AccessKeyId").asString();
		String secret = json.path("SecretAccessKey").asString();
		String token = json.path("Token").asString();
		if (id.isEmpty() || secret.isEmpty()) {
			throw new IllegalStateException(source + ": no AccessKeyId and SecretAccessKey in the answer");
		}
		return new TemporaryCredentials(
				new AwsCredentials(id, new Secret(secret), token.isEmpty() ? null : new Secret(token)),
				AwsHttp.expiration(source, json.path("Expiration").asString()));
	}

}
