package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.zgw.gateway.notify.Secret;
import org.jspecify.annotations.Nullable;

/**
 * AwsEnvironment finds a region and credentials where the AWS SDK for Go (v1, as in
 * Alertmanager 0.25) finds them for an {@code sns_configs} entry without an access key:
 * <ul>
 * <li>the region in {@code AWS_REGION};</li>
 * <li>with {@code sigv4.profile} set, that profile of the shared credentials file, and
 * nothing else;</li>
 * <li>else {@code AWS_ACCESS_KEY_ID} (or {@code AWS_ACCESS_KEY}) with
 * {@code AWS_SECRET_ACCESS_KEY} (or {@code AWS_SECRET_KEY}) and
 * {@code AWS_SESSION_TOKEN};</li>
 * <li>else, with {@code AWS_WEB_IDENTITY_TOKEN_FILE}, the role of {@code AWS_ROLE_ARN}
 * assumed with that token (AWS STS {@code AssumeRoleWithWebIdentity}, unsigned; the
 * session {@code AWS_ROLE_SESSION_NAME}, else the time in nanoseconds);</li>
 * <li>else the profile named by {@code AWS_PROFILE} (or {@code AWS_DEFAULT_PROFILE}, else
 * {@code default}) of the shared credentials file;</li>
 * <li>else a container's role, from {@code http://169.254.170.2} and the path in
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} (ECS) or from the URL in
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, with
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} as the {@code Authorization} header;</li>
 * <li>else the EC2 instance's role, from the instance metadata service (IMDSv2) at
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, else {@code http://169.254.169.254}, unless
 * {@code AWS_EC2_METADATA_DISABLED} is {@code true}.</li>
 * </ul>
 * The shared credentials file is {@code AWS_SHARED_CREDENTIALS_FILE}, else
 * {@code ~/.aws/credentials}, read at each call so that rotated credentials are used.
 * Credentials of a role (web identity, container, instance) are kept until five minutes
 * before they expire. AWS STS is asked at {@code AWS_ENDPOINT_URL_STS}, else in the
 * entry's region.
 */
public final class AwsEnvironment {

	private final Map<String, String> variables;

	private final Path home;

	private final URI containerHost;

	// The role credentials of the environment: it names one source of them only.
	private final TemporaryCredentials.Cache role = new TemporaryCredentials.Cache();

	/**
	 * An environment of these variables, the user's home directory being {@code home}.
	 */
	public AwsEnvironment(Map<String, String> variables, Path home) {
		this(variables, home, MetadataCredentials.ECS_HOST);
	}

	// For tests: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI on another host than ECS's.
	AwsEnvironment(Map<String, String> variables, Path home, URI containerHost) {
		this.variables = Map.copyOf(variables);
		this.home = home;
		this.containerHost = containerHost;
	}

	/** The gateway process's environment. */
	public static AwsEnvironment system() {
		return new AwsEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
	}

	/** {@code configured} when set, else {@code AWS_REGION}, else empty. */
	public String region(String configured) {
		return configured.isEmpty() ? variable("AWS_REGION") : configured;
	}

	/**
	 * Where AWS STS is asked: {@code AWS_ENDPOINT_URL_STS} (the variable later AWS SDKs
	 * read; zgw's tests point it at a stand-in), else the region's endpoint.
	 */
	public URI stsEndpoint(String region) {
		String url = variable("AWS_ENDPOINT_URL_STS");
		return url.isEmpty() ? Sts.endpoint(region) : URI.create(url);
	}

	/**
	 * Assumes {@code roleArn} with AWS STS {@code AssumeRole}, asked with {@code base},
	 * for the 15 minutes the AWS SDK asks for.
	 * @throws IllegalStateException naming STS's error when it refuses or cannot be
	 * reached
	 */
	TemporaryCredentials assumeRole(String roleArn, String region, AwsCredentials base, Instant now) {
		return Sts.assumeRole(stsEndpoint(region), region, roleArn, base, now);
	}

	/**
	 * The credentials for an entry with {@code profile} (empty when unset) in
	 * {@code region} at {@code now}.
	 * @throws IllegalStateException naming where it looked when there are none, or the
	 * error of the service that should have handed them out
	 */
	public AwsCredentials credentials(String profile, String region, Instant now) {
		if (profile.isEmpty()) {
			String id = first("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
			String secret = first("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY");
			if (!id.isEmpty() && !secret.isEmpty()) {
				return new AwsCredentials(id, new Secret(secret), token(variable("AWS_SESSION_TOKEN")));
			}
			String tokenFile = variable("AWS_WEB_IDENTITY_TOKEN_FILE");
			if (!tokenFile.isEmpty()) {
				return this.role.get(now, () -> webIdentity(Path.of(tokenFile), region, now));
			}
		}
		String name = profile.isEmpty() ? first("AWS_PROFILE", "AWS_DEFAULT_PROFILE") : profile;
		name = name.isEmpty() ? "default" : name;
		String file = variable("AWS_SHARED_CREDENTIALS_FILE");
		Path path = file.isEmpty() ? this.home.resolve(".aws").resolve("credentials") : Path.of(file);
		Map<String, String> keys = profileKeys(path, name);
		String id = keys.getOrDefault("aws_access_key_id", "");
		String secret = keys.getOrDefault("aws_secret_access_key", "");
		if (!id.isEmpty() && !secret.isEmpty()) {
			return new AwsCredentials(id, new Secret(secret), token(keys.getOrDefault("aws_session_token", "")));
		}
		String none = "no AWS credentials: "
				+ (profile.isEmpty() ? "neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor " : "") + "profile '"
				+ name + "' with aws_access_key_id and aws_secret_access_key in " + path;
		if (!profile.isEmpty()) {
			throw new IllegalStateException(none);
		}
		try {
			return this.role.get(now, this::containerOrInstance);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(none + ", nor " + ex.getMessage(), ex);
		}
	}

	private TemporaryCredentials webIdentity(Path tokenFile, String region, Instant now) {
		String roleArn = variable("AWS_ROLE_ARN");
		if (roleArn.isEmpty()) {
			throw new IllegalStateException("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not");
		}
		String token;
		try {
			token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"cannot read AWS_WEB_IDENTITY_TOKEN_FILE " + tokenFile + " (" + ex.getClass().getSimpleName() + ")",
					ex);
		}
		String session = variable("AWS_ROLE_SESSION_NAME");
		return Sts.assumeRoleWithWebIdentity(stsEndpoint(region), roleArn,
				session.isEmpty() ? Sts.sessionName(now) : session, token);
	}

	// The SDK's "remote" providers: a container's endpoint when one is
	// named, else the instance metadata service.
	private TemporaryCredentials containerOrInstance() {
		String authorization = variable("AWS_CONTAINER_AUTHORIZATION_TOKEN");
		String relative = variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
		if (!relative.isEmpty()) {
			return MetadataCredentials.container(URI.create(this.containerHost + relative), authorization);
		}
		String full = variable("AWS_CONTAINER_CREDENTIALS_FULL_URI");
		if (!full.isEmpty()) {
			return MetadataCredentials.container(URI.create(full), authorization);
		}
		if ("true".equalsIgnoreCase(variable("AWS_EC2_METADATA_DISABLED"))) {
			throw new IllegalStateException("EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)");
		}
		String endpoint = variable("AWS_EC2_METADATA_SERVICE_ENDPOINT");
		return MetadataCredentials.instance(endpoint.isEmpty() ? MetadataCredentials.IMDS : URI.create(endpoint));
	}

	// The variables hold secrets (AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN):
	// only the names of the AWS ones are shown.
	@Override
	public String toString() {
		TreeSet<String> names = new TreeSet<>();
		this.variables.keySet().stream().filter((name) -> name.startsWith("AWS_")).forEach(names::add);
		return "AwsEnvironment[variables=" + names + ", home=" + this.home + "]";
	}

	private String variable(String name) {
		return this.variables.getOrDefault(name, "");
	}

	private String first(String name, String fallback) {
		String value = variable(name);
		return value.isEmpty() ? variable(fallback) : value;
	}

	private static @Nullable Secret token(String value) {
		return value.isEmpty() ? null : new Secret(value);
	}

	// The keys of one [profile] section of an INI file, lower-cased; none when the file
	// or the section is missing.
	private static Map<String, String> profileKeys(Path path, String profile) {
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return Map.of();
		}
		Map<String, String> keys = new HashMap<>();
		boolean inProfile = false;
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				inProfile = line.substring(1, line.length() - 1).strip().equals(profile);
				continue;
			}
			int equals = line.indexOf('=');
			if (inProfile && equals > 0) {
				keys.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT),
						line.substring(equals + 1).strip());
			}
		}
		return keys;
	}

}
