package io.zgw.gateway.notify.sns;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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
import io.zgw.gateway.testsupport.AwsStandIn;
import io.zgw.gateway.testsupport.ManualClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry with {@code sigv4.role_arn} assumes the role with AWS STS and publishes with
 * the role's temporary credentials: STS and SNS are a real HTTP server standing in for
 * them ({@link AwsStandIn}), and each signature is checked by computing it again.
 */
class SnsNotifierRoleTest {

	private static final Integration SNS_0 = new Integration(IntegrationKind.SNS, 0);

	private static final String ROLE = "arn:aws:iam::123456789012:role/alertmanager";

	private static final String BASE_SECRET = "baseSecret-wJalrXUtnFEMI";

	private static final AwsCredentials BASE = new AwsCredentials("AKIDBASE", new Secret(BASE_SECRET), null);

	private static final String PUBLISH = "{\"form\":{\"Action\":\"Publish\",\"Message\":\"m\","
			+ "\"TopicArn\":\"arn:aws:sns:eu-west-1:1:a\",\"Version\":\"2010-03-31\"}}";

	private final AwsStandIn aws = new AwsStandIn();

	private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T21:00:00Z"));

	@TempDir
	Path home;

	@AfterEach
	void stop() {
		this.aws.close();
	}

	private SnsNotifier notifier(@Nullable AwsCredentials base, Map<String, String> environment) {
		Map<String, String> variables = new HashMap<>(environment);
		variables.putIfAbsent("AWS_ENDPOINT_URL_STS", this.aws.url("/sts/"));
		SnsConfig config = new SnsConfig(true, new Secret(this.aws.url("/sns")), "eu-west-1", base, "", ROLE,
				new AwsEnvironment(variables, this.home), HttpConfig.NONE);
		return new SnsNotifier(SNS_0, config, new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(5), this.clock);
	}

	private static DeliveryResult send(SnsNotifier notifier) {
		return notifier.send(new Delivery("ops", SNS_0, "g", PUBLISH));
	}

	private static AwsCredentials temporary(int n) {
		return new AwsCredentials("ASIATEMP" + n, new Secret("tempSecret" + n), new Secret("tempToken" + n));
	}

	// The Authorization header of the request signed with these credentials.
	private String signature(String path, AwsStandIn.Request request, String service, AwsCredentials credentials,
			Instant at) {
		return SigV4
			.sign(URI.create(this.aws.url(path)), SnsNotifier.FORM, request.body(), "eu-west-1", service, credentials,
					at)
			.authorization();
	}

	@Test
	void assumesTheRoleWithTheEntrysKeysAndPublishesWithTheRolesCredentials() {
		assertThat(send(notifier(BASE, Map.of()))).isEqualTo(DeliveryResult.delivered());
		assertThat(this.aws.requests()).extracting(AwsStandIn.Request::action).containsExactly("AssumeRole", "Publish");
		AwsStandIn.Request assume = this.aws.requests().get(0);
		assertThat(assume.path()).isEqualTo("/sts/");
		// The SDK's form: parameters sorted, a 15-minute session named by the time.
		assertThat(assume.body()).isEqualTo("Action=AssumeRole&DurationSeconds=900"
				+ "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Falertmanager"
				+ "&RoleSessionName=1796504400000000000&Version=2011-06-15");
		assertThat(assume.header("Content-Type")).isEqualTo(SnsNotifier.FORM);
		assertThat(assume.header("X-Amz-Date")).isEqualTo("20261205T210000Z");
		assertThat(assume.header("X-Amz-Security-Token")).isNull();
		assertThat(assume.header("Authorization"))
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDBASE/20261205/eu-west-1/sts/aws4_request, "
					+ "SignedHeaders=content-length;content-type;host;x-amz-date, Signature=")
			.isEqualTo(signature("/sts/", assume, "sts", BASE, this.clock.instant()));
		AwsStandIn.Request publish = this.aws.requests().get(1);
		assertThat(publish.path()).isEqualTo("/sns/");
		assertThat(publish.header("X-Amz-Security-Token")).isEqualTo("tempToken1");
		assertThat(publish.header("Authorization"))
			.startsWith("AWS4-HMAC-SHA256 Credential=ASIATEMP1/20261205/eu-west-1/sns/aws4_request, "
					+ "SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, Signature=")
			.isEqualTo(signature("/sns/", publish, "sns", temporary(1), this.clock.instant()));
		assertThat(this.aws.requests()).allSatisfy(
				(request) -> assertThat(request.headers().toString() + request.body()).doesNotContain(BASE_SECRET)
					.doesNotContain("tempSecret"));
	}

	@Test
	void theRolesCredentialsAreKeptUntilFiveMinutesBeforeTheyExpire() {
		SnsNotifier notifier = notifier(BASE, Map.of());
		this.aws.expireAt(this.clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		this.clock.advance(Duration.ofMinutes(9).plusSeconds(59));
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		assertThat(this.aws.requests("AssumeRole")).hasSize(1);
		assertThat(this.aws.requests("Publish")).extracting((request) -> request.header("X-Amz-Security-Token"))
			.containsExactly("tempToken1", "tempToken1");
		// Five minutes before they expire: STS is asked again, the new ones sign.
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		assertThat(this.aws.requests("AssumeRole")).hasSize(2);
		AwsStandIn.Request publish = this.aws.requests("Publish").get(2);
		assertThat(publish.header("X-Amz-Security-Token")).isEqualTo("tempToken2");
		assertThat(publish.header("Authorization"))
			.isEqualTo(signature("/sns/", publish, "sns", temporary(2), this.clock.instant()));
	}

	@Test
	void credentialsThatHaveExpiredAreNeverUsed() {
		this.aws.expireAt(this.clock.instant().plus(Duration.ofMinutes(4)));
		SnsNotifier notifier = notifier(BASE, Map.of());
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		assertThat(this.aws.requests()).extracting(AwsStandIn.Request::action)
			.containsExactly("AssumeRole", "Publish", "AssumeRole", "Publish");
	}

	@Test
	void withoutKeysOfItsOwnTheEntryAssumesTheRoleWithTheEnvironmentsCredentials() {
		AwsCredentials environment = new AwsCredentials("AKIDENV", new Secret("envSecret"), new Secret("envToken"));
		assertThat(send(notifier(null, Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envSecret",
				"AWS_SESSION_TOKEN", "envToken"))))
			.isEqualTo(DeliveryResult.delivered());
		AwsStandIn.Request assume = this.aws.requests("AssumeRole").get(0);
		assertThat(assume.header("X-Amz-Security-Token")).isEqualTo("envToken");
		assertThat(assume.header("Authorization"))
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDENV/20261205/eu-west-1/sts/aws4_request, "
					+ "SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, Signature=")
			.isEqualTo(signature("/sts/", assume, "sts", environment, this.clock.instant()));
		assertThat(this.aws.requests("Publish").get(0).header("Authorization")).contains("Credential=ASIATEMP1/");
	}

	@Test
	void anStsRefusalIsRetriedNamingStsErrorAndNoSecretAndNothingIsPublished() {
		this.aws.refuseSts(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/am is not authorized to "
				+ "perform: sts:AssumeRole on resource: " + ROLE);
		SnsNotifier notifier = notifier(BASE, Map.of());
		DeliveryResult refused = send(notifier);
		assertThat(refused.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(refused.error()).isEqualTo("AWS STS AssumeRole: 403 AccessDenied: User: "
				+ "arn:aws:iam::123456789012:user/am is not authorized to perform: sts:AssumeRole on resource: "
				+ ROLE);
		assertThat(refused.error()).doesNotContain(BASE_SECRET).doesNotContain("AKIDBASE");
		assertThat(this.aws.requests("Publish")).isEmpty();
		// A refusal is not kept: once STS answers, the next attempt is delivered.
		this.aws.answerSts();
		assertThat(send(notifier)).isEqualTo(DeliveryResult.delivered());
		assertThat(this.aws.requests("Publish")).hasSize(1);
	}

	@Test
	void anStsThatCannotBeReachedIsRetried() {
		String closed = this.aws.url("/sts/");
		this.aws.close();
		DeliveryResult unreachable = send(notifier(BASE, Map.of("AWS_ENDPOINT_URL_STS", closed)));
		assertThat(unreachable.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(unreachable.error()).startsWith("AWS STS AssumeRole: ").doesNotContain(BASE_SECRET);
	}

	@Test
	void anEntryWithARoleLoadsWithIt() {
		SnsConfig config = AlertmanagerReceivers.of(ConfigLoader.load("""
				route: {receiver: ops}
				receivers:
				  - name: ops
				    sns_configs:
				      - topic_arn: 'arn:aws:sns:eu-west-1:1:alerts'
				        sigv4: {region: eu-west-1, role_arn: 'arn:aws:iam::123456789012:role/alertmanager'}
				"""), new AwsEnvironment(Map.of(), this.home)).get(0).snsConfigs().get(0);
		assertThat(config.roleArn()).isEqualTo(ROLE);
		assertThat(config.environment().stsEndpoint(config.region()))
			.hasToString("https://sts.eu-west-1.amazonaws.com/");
	}

}
