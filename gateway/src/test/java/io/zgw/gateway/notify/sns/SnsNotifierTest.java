package io.zgw.gateway.notify.sns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.gateway.notify.AlertmanagerReceivers;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Makes SNS Publish calls to a real HTTP server standing in for Amazon SNS.
 */
class SnsNotifierTest {

	private static final Integration SNS_0 = new Integration(IntegrationKind.SNS, 0);

	private static final String SECRET = "wJalrXUtnFEMI-secret";

	private final RecordingReceiver sns = new RecordingReceiver();

	@AfterEach
	void stop() {
		this.sns.close();
	}

	@TempDir
	Path home;

	private DeliveryResult send(String payload) {
		return send(new AwsCredentials("AKIDEXAMPLE", new Secret(SECRET), null), "", Map.of(), payload);
	}

	private DeliveryResult send(@Nullable AwsCredentials credentials, String profile, Map<String, String> environment,
			String payload) {
		SnsConfig config = new SnsConfig(true, new Secret(this.sns.url("/sns")), "eu-west-1", credentials, profile, "",
				new AwsEnvironment(environment, this.home), HttpConfig.bearer("ignored-by-sns"));
		return new SnsNotifier(SNS_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(5),
				Clock.fixed(Instant.parse("2026-12-05T21:04:57Z"), ZoneOffset.UTC))
			.send(new Delivery("ops", SNS_0, "g", payload));
	}

	@Test
	void postsTheFormEncodedAsGoDoesAndSignedToTheEndpointWithASlash() {
		assertThat(send("{\"form\":{\"Action\":\"Publish\",\"Message\":\"disk > 90% & rising ~*\","
				+ "\"MessageAttributes\":\"\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:a\"}}"))
			.isEqualTo(DeliveryResult.delivered());
		RecordingReceiver.Received request = this.sns.received().get(0);
		assertThat(request.path()).isEqualTo("/sns/");
		assertThat(request.contentType()).isEqualTo(SnsNotifier.FORM);
		assertThat(request.body()).isEqualTo("Action=Publish&Message=disk+%3E+90%25+%26+rising+~%2A"
				+ "&MessageAttributes=&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A1%3Aa");
		// The signature, not http_config's credentials.
		assertThat(request.authorization())
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/eu-west-1/sns/aws4_request, "
					+ "SignedHeaders=content-length;content-type;host;x-amz-date, Signature=");
	}

	@Test
	void withoutAnAccessKeySignsWithTheProfilesTemporaryCredentialsAndTheirToken() throws IOException {
		Files.createDirectories(this.home.resolve(".aws"));
		Files.writeString(this.home.resolve(".aws/credentials"),
				"[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = opsSecret\n"
						+ "aws_session_token = opsSessionToken\n");
		assertThat(send(null, "ops", Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envSecret"),
				"{\"form\":{\"Action\":\"Publish\"}}"))
			.isEqualTo(DeliveryResult.delivered());
		assertThat(this.sns.received().get(0).authorization())
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDOPS/20261205/eu-west-1/sns/aws4_request, "
					+ "SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, Signature=");
	}

	@Test
	void withNoCredentialsAnywhereTheSendIsRetriedNamingWhereItLookedAndNothingIsSent() {
		DeliveryResult none = send(null, "", Map.of("AWS_EC2_METADATA_DISABLED", "true"),
				"{\"form\":{\"Action\":\"Publish\"}}");
		assertThat(none.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(none.error()).isEqualTo("no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
				+ "nor profile 'default' with aws_access_key_id and aws_secret_access_key in "
				+ this.home.resolve(".aws/credentials") + ", nor EC2 instance metadata (AWS_EC2_METADATA_DISABLED "
				+ "is true)");
		assertThat(this.sns.received()).isEmpty();
	}

	@Test
	void anEntryWithoutARegionTakesAwsRegionAndWithoutEitherIsRefusedNamingIt() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: ops}
				receivers:
				  - name: ops
				    sns_configs:
				      - {topic_arn: 'arn:aws:sns:us-west-2:1:alerts'}
				""");
		SnsConfig fromEnvironment = AlertmanagerReceivers
			.of(config, new AwsEnvironment(Map.of("AWS_REGION", "us-west-2"), this.home))
			.get(0)
			.snsConfigs()
			.get(0);
		assertThat(fromEnvironment.region()).isEqualTo("us-west-2");
		assertThat(fromEnvironment.publishUrl()).hasToString("https://sns.us-west-2.amazonaws.com/");
		assertThat(fromEnvironment.credentials()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AlertmanagerReceivers.of(config, new AwsEnvironment(Map.of(), this.home)))
			.withMessage(
					"receivers[0].sns_configs[0]: receiver \"ops\": sns_configs.sigv4.region: region not configured in "
							+ "sns.sigv4.region or in AWS_REGION");
	}

	@Test
	void awsRefusalsFailForGoodAndThrottlingIsRetriedWithoutShowingTheSecret() {
		this.sns.answerWith(400, "text/xml",
				"<ErrorResponse><Error><Code>InvalidParameter</Code></Error></ErrorResponse>");
		DeliveryResult refused = send("{\"form\":{\"Action\":\"Publish\"}}");
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).contains("InvalidParameter").doesNotContain(SECRET);
		// Wrong credentials wait for a corrected file.
		this.sns.answerWith(403, "text/xml",
				"<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>");
		DeliveryResult denied = send("{\"form\":{\"Action\":\"Publish\"}}");
		assertThat(denied.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(denied.error()).contains("SignatureDoesNotMatch").doesNotContain(SECRET);
		this.sns.answerWith(503);
		assertThat(send("{\"form\":{\"Action\":\"Publish\"}}").outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(send("[1]").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
	}

}
