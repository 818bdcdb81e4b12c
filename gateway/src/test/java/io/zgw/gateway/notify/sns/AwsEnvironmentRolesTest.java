package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.zgw.gateway.testsupport.AwsStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Finds the credentials of a role where the AWS SDK for Go v1 finds them when neither the
 * environment's keys nor the shared credentials file have any: a web identity token, a
 * container's credentials endpoint, the EC2 instance metadata service. All three are
 * played by a real HTTP server ({@link AwsStandIn}) in the shapes AWS documents.
 */
class AwsEnvironmentRolesTest {

	private static final Instant NOW = Instant.parse("2026-12-05T21:00:00Z");

	private static final String ROLE = "arn:aws:iam::123456789012:role/zgw-pod";

	private static final String WEB_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6Z3cifQ.c2lnbmF0dXJl";

	private final AwsStandIn aws = new AwsStandIn();

	@TempDir
	Path home;

	private Path tokenFile;

	@BeforeEach
	void files() throws IOException {
		this.tokenFile = this.home.resolve("token");
		Files.writeString(this.tokenFile, WEB_TOKEN + "\n");
		Files.createDirectories(this.home.resolve(".aws"));
	}

	@AfterEach
	void stop() {
		this.aws.close();
	}

	private AwsEnvironment environment(Map<String, String> variables) {
		Map<String, String> all = new HashMap<>(variables);
		all.putIfAbsent("AWS_ENDPOINT_URL_STS", this.aws.url("/sts/"));
		return new AwsEnvironment(all, this.home, URI.create(this.aws.url("")));
	}

	private static void assertTemporary(AwsCredentials credentials, int n) {
		assertThat(credentials.accessKeyId()).isEqualTo("ASIATEMP" + n);
		assertThat(credentials.secretAccessKey().value()).isEqualTo("tempSecret" + n);
		assertThat(credentials.sessionToken().value()).isEqualTo("tempToken" + n);
	}

	private Map<String, String> webIdentity() {
		return Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", this.tokenFile.toString(), "AWS_ROLE_ARN", ROLE,
				"AWS_ROLE_SESSION_NAME", "zgw-pod");
	}

	@Test
	void aWebIdentityTokenAssumesTheRoleUnsignedAndBeatsTheSharedFile() throws IOException {
		Files.writeString(this.home.resolve(".aws/credentials"),
				"[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = fileSecret\n");
		AwsEnvironment environment = environment(webIdentity());
		assertTemporary(environment.credentials("", "eu-west-1", NOW), 1);
		AwsStandIn.Request call = this.aws.requests().get(0);
		assertThat(call.path()).isEqualTo("/sts/");
		// The file's token, stripped; no DurationSeconds, as the SDK sends none.
		assertThat(call.body()).isEqualTo("Action=AssumeRoleWithWebIdentity"
				+ "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fzgw-pod&RoleSessionName=zgw-pod"
				+ "&Version=2011-06-15&WebIdentityToken=" + WEB_TOKEN);
		assertThat(call.header("Content-Type")).isEqualTo(SnsNotifier.FORM);
		assertThat(call.header("Authorization")).isNull();
		assertThat(call.header("X-Amz-Date")).isNull();
		// Kept: the next call does not ask STS again.
		assertTemporary(environment.credentials("", "eu-west-1", NOW.plusSeconds(60)), 1);
		assertThat(this.aws.requests()).hasSize(1);
	}

	@Test
	void aWebIdentitySessionIsNamedByTheTimeUnlessNamedAndARefusalNamesStsErrorNotTheToken() {
		Map<String, String> unnamed = new HashMap<>(webIdentity());
		unnamed.remove("AWS_ROLE_SESSION_NAME");
		environment(unnamed).credentials("", "eu-west-1", NOW);
		assertThat(this.aws.requests().get(0).form()).containsEntry("RoleSessionName", "1796504400000000000");
		this.aws.refuseSts(400, "InvalidIdentityToken",
				"Couldn't retrieve verification key from your identity " + "provider");
		assertThatIllegalStateException().isThrownBy(() -> environment(webIdentity()).credentials("", "eu-west-1", NOW))
			.withMessage("AWS STS AssumeRoleWithWebIdentity: 400 InvalidIdentityToken: Couldn't retrieve "
					+ "verification key from your identity provider")
			.withMessageNotContaining(WEB_TOKEN);
		Map<String, String> noRole = new HashMap<>(webIdentity());
		noRole.remove("AWS_ROLE_ARN");
		assertThatIllegalStateException().isThrownBy(() -> environment(noRole).credentials("", "eu-west-1", NOW))
			.withMessage("AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not");
	}

	@Test
	void aContainersRelativeUriIsAskedAtTheEcsHost() {
		AwsEnvironment environment = environment(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
				"/v2/credentials/0f1e2d3c", "AWS_CONTAINER_CREDENTIALS_FULL_URI", this.aws.url("/full")));
		assertTemporary(environment.credentials("", "eu-west-1", NOW), 1);
		assertThat(this.aws.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/v2/credentials/0f1e2d3c");
			assertThat(request.header("Authorization")).isNull();
		});
	}

	@Test
	void aContainersFullUriIsAskedWithTheAuthorizationTokenOnlyOnLoopbackOverHttp() {
		AwsEnvironment environment = environment(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
				this.aws.url("/v1/credentials"), "AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token"));
		assertTemporary(environment.credentials("", "eu-west-1", NOW), 1);
		AwsStandIn.Request request = this.aws.requests().get(0);
		assertThat(request.path()).isEqualTo("/v1/credentials");
		assertThat(request.header("Authorization")).isEqualTo("container-auth-token");
		assertThatIllegalStateException()
			.isThrownBy(() -> environment(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.1.2.3/creds",
					"AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token"))
				.credentials("", "eu-west-1", NOW))
			.withMessageEndingWith(", nor container credentials: host 10.1.2.3 is neither a loopback address nor "
					+ "169.254.170.2; only https goes elsewhere")
			.withMessageNotContaining("container-auth-token");
		assertThat(this.aws.requests()).hasSize(1);
	}

	@Test
	void theInstanceMetadataServiceIsAskedForAnImdsV2TokenThenTheRoleThenItsCredentials() {
		AwsEnvironment environment = environment(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", this.aws.url("/")));
		assertTemporary(environment.credentials("", "eu-west-1", NOW), 1);
		assertThat(this.aws.requests()).extracting(AwsStandIn.Request::method, AwsStandIn.Request::path)
			.containsExactly(tuple("PUT", "/latest/api/token"),
					tuple("GET", "/latest/meta-data/iam/security-credentials/"),
					tuple("GET", "/latest/meta-data/iam/security-credentials/" + AwsStandIn.INSTANCE_ROLE));
		assertThat(this.aws.requests().get(0).header("X-aws-ec2-metadata-token-ttl-seconds")).isEqualTo("21600");
		assertThat(this.aws.requests().subList(1, 3)).allSatisfy(
				(request) -> assertThat(request.header("X-aws-ec2-metadata-token")).isEqualTo(AwsStandIn.IMDS_TOKEN));
	}

	@Test
	void aRolesCredentialsAreKeptUntilFiveMinutesBeforeTheyExpire() {
		this.aws.expireAt(NOW.plus(Duration.ofHours(1)));
		AwsEnvironment environment = environment(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", this.aws.url("")));
		assertTemporary(environment.credentials("", "eu-west-1", NOW), 1);
		assertTemporary(environment.credentials("", "us-west-2", NOW.plus(Duration.ofMinutes(54))), 1);
		assertThat(this.aws.issued()).isEqualTo(1);
		assertTemporary(environment.credentials("", "eu-west-1", NOW.plus(Duration.ofMinutes(55))), 2);
		assertThat(this.aws.requests()).hasSize(6);
		// The environment's keys still come first, and are not kept.
		Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envSecret",
				"AWS_EC2_METADATA_SERVICE_ENDPOINT", this.aws.url(""));
		assertThat(environment(keys).credentials("", "eu-west-1", NOW).accessKeyId()).isEqualTo("AKIDENV");
		assertThat(this.aws.requests()).hasSize(6);
	}

	@Test
	void theInstanceMetadataServiceIsNotAskedWhenDisabledNorForANamedProfile() {
		String endpoint = this.aws.url("");
		assertThatIllegalStateException()
			.isThrownBy(() -> environment(
					Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint, "AWS_EC2_METADATA_DISABLED", "TRUE"))
				.credentials("", "eu-west-1", NOW))
			.withMessage("no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor profile "
					+ "'default' with aws_access_key_id and aws_secret_access_key in "
					+ this.home.resolve(".aws/credentials")
					+ ", nor EC2 instance metadata (AWS_EC2_METADATA_DISABLED is true)");
		assertThatIllegalStateException()
			.isThrownBy(() -> environment(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint)).credentials("ops",
					"eu-west-1", NOW))
			.withMessage("no AWS credentials: profile 'ops' with aws_access_key_id and aws_secret_access_key in "
					+ this.home.resolve(".aws/credentials"));
		assertThat(this.aws.requests()).isEmpty();
	}

	@Test
	void anUnreachableInstanceMetadataServiceIsNamedInTheError() {
		String closed = this.aws.url("");
		this.aws.close();
		assertThatIllegalStateException()
			.isThrownBy(() -> environment(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", closed)).credentials("",
					"eu-west-1", NOW))
			.withMessageStartingWith("no AWS credentials: neither AWS_ACCESS_KEY_ID")
			.withMessageContaining(", nor EC2 instance metadata: ");
	}

}
