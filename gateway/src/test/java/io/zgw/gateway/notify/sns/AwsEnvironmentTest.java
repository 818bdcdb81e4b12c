package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Finds credentials where Alertmanager 0.25's AWS SDK found them, case by case as a real
 * Alertmanager signed with them (Credential= of its Authorization header, 2026-12-06).
 */
class AwsEnvironmentTest {

	private static final Map<String, String> ENV_KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY",
			"envSecret", "AWS_SESSION_TOKEN", "envToken");

	@TempDir
	Path home;

	private Path file;

	@BeforeEach
	void credentialsFile() throws IOException {
		this.file = this.home.resolve("creds");
		Files.writeString(this.file, """
				# shared credentials
				[default]
				aws_access_key_id = AKIDDEFAULT
				aws_secret_access_key = defaultSecret

				[ops]
				AWS_ACCESS_KEY_ID=AKIDOPS
				aws_secret_access_key = opsSecret
				aws_session_token = opsSessionToken
				""");
	}

	private AwsCredentials credentials(String profile, Map<String, String> variables) {
		return new AwsEnvironment(variables, this.home).credentials(profile, "eu-west-1", Instant.EPOCH);
	}

	private Map<String, String> withFile(Map<String, String> variables) {
		Map<String, String> all = new HashMap<>(variables);
		all.put("AWS_SHARED_CREDENTIALS_FILE", this.file.toString());
		return all;
	}

	@Test
	void environmentKeysWinUnlessTheEntryNamesAProfile() {
		AwsCredentials env = credentials("", withFile(ENV_KEYS));
		assertThat(env.accessKeyId()).isEqualTo("AKIDENV");
		assertThat(env.secretAccessKey().value()).isEqualTo("envSecret");
		assertThat(env.sessionToken().value()).isEqualTo("envToken");
		// AWS_PROFILE does not beat the environment's keys; sigv4.profile does.
		Map<String, String> profileToo = new HashMap<>(ENV_KEYS);
		profileToo.put("AWS_PROFILE", "ops");
		assertThat(credentials("", withFile(profileToo)).accessKeyId()).isEqualTo("AKIDENV");
		AwsCredentials ops = credentials("ops", withFile(ENV_KEYS));
		assertThat(ops.accessKeyId()).isEqualTo("AKIDOPS");
		assertThat(ops.sessionToken().value()).isEqualTo("opsSessionToken");
	}

	@Test
	void withoutEnvironmentKeysTheProfileOfAwsProfileElseDefault() {
		assertThat(credentials("", withFile(Map.of())).accessKeyId()).isEqualTo("AKIDDEFAULT");
		assertThat(credentials("", withFile(Map.of())).sessionToken()).isNull();
		assertThat(credentials("", withFile(Map.of("AWS_PROFILE", "ops"))).accessKeyId()).isEqualTo("AKIDOPS");
		assertThat(credentials("", withFile(Map.of("AWS_DEFAULT_PROFILE", "ops"))).accessKeyId()).isEqualTo("AKIDOPS");
	}

	@Test
	void theFileDefaultsToTheHomesAwsCredentials() throws IOException {
		Files.createDirectories(this.home.resolve(".aws"));
		Files.copy(this.file, this.home.resolve(".aws/credentials"));
		assertThat(credentials("ops", Map.of()).accessKeyId()).isEqualTo("AKIDOPS");
	}

	@Test
	void aMissingProfileIsAnErrorNamingItAndTheFileNeverTheEnvironmentsKeys() {
		assertThatIllegalStateException().isThrownBy(() -> credentials("nope", withFile(ENV_KEYS)))
			.withMessage("no AWS credentials: profile 'nope' with aws_access_key_id and aws_secret_access_key in "
					+ this.file)
			.withMessageNotContaining("envSecret");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> credentials("", Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_EC2_METADATA_DISABLED", "true")))
			.withMessage("no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor profile "
					+ "'default' with aws_access_key_id and aws_secret_access_key in "
					+ this.home.resolve(".aws/credentials")
					+ ", nor EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)");
	}

	@Test
	void theRegionIsTheEntrysElseAwsRegion() {
		AwsEnvironment environment = new AwsEnvironment(Map.of("AWS_REGION", "us-west-2"), this.home);
		assertThat(environment.region("eu-west-1")).isEqualTo("eu-west-1");
		assertThat(environment.region("")).isEqualTo("us-west-2");
		assertThat(new AwsEnvironment(Map.of(), this.home).region("")).isEmpty();
	}

	@Test
	void toStringNamesTheAwsVariablesButShowsNoValue() {
		Map<String, String> variables = new HashMap<>(ENV_KEYS);
		variables.put("HOME", "/home/zgw");
		assertThat(new AwsEnvironment(variables, this.home)).hasToString("AwsEnvironment[variables=[AWS_ACCESS_KEY_ID, "
				+ "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN], home=" + this.home + "]");
	}

}
