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
 * <li>else the profile named by {@code AWS_PROFILE} (or {@code AWS_DEFAULT_PROFILE}, else
 * {@code default}) of the shared credentials file.</li>
 * </ul>
 * The shared credentials file is {@code AWS_SHARED_CREDENTIALS_FILE}, else
 * {@code ~/.aws/credentials}, read at each call so that rotated credentials are used.
 * Instance, container and web-identity roles are not looked for.
 *
 * @param variables the environment variables
 * @param home the user's home directory
 */
public record AwsEnvironment(Map<String, String> variables, Path home) {

	public AwsEnvironment {
		variables = Map.copyOf(variables);
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
	 * The credentials for an entry with {@code profile} (empty when unset).
	 * @throws IllegalStateException naming where it looked when there are none
	 */
	public AwsCredentials credentials(String profile) {
		if (profile.isEmpty()) {
			String id = first("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY");
			String secret = first("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY");
			if (!id.isEmpty() && !secret.isEmpty()) {
				return new AwsCredentials(id, new Secret(secret), token(variable("AWS_SESSION_TOKEN")));
			}
		}
		String name = profile.isEmpty() ? first("AWS_PROFILE", "AWS_DEFAULT_PROFILE") : profile;
		name = name.isEmpty() ? "default" : name;
		String file = variable("AWS_SHARED_CREDENTIALS_FILE");
		Path path = file.isEmpty() ? this.home.resolve(".aws").resolve("credentials") : Path.of(file);
		Map<String, String> keys = profileKeys(path, name);
		String id = keys.getOrDefault("aws_access_key_id", "");
		String secret = keys.getOrDefault("aws_secret_access_key", "");
		if (id.isEmpty() || secret.isEmpty()) {
			throw new IllegalStateException("no AWS credentials: "
					+ (profile.isEmpty() ? "neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor " : "")
					+ "profile '" + name + "' with aws_access_key_id and aws_secret_access_key in " + path);
		}
		return new AwsCredentials(id, new Secret(secret), token(keys.getOrDefault("aws_session_token", "")));
	}

	// The variables hold secrets (AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN): only the
	// names of the AWS ones are shown.
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
