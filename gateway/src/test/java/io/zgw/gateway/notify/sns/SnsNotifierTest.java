package io.zgw.gateway.notify.sns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

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

	private DeliveryResult send(String payload) {
		SnsConfig config = new SnsConfig(true, new Secret(this.sns.url("/sns")), "eu-west-1", "AKIDEXAMPLE",
				new Secret(SECRET), HttpConfig.bearer("ignored-by-sns"));
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
	void awsRefusalsFailForGoodAndThrottlingIsRetriedWithoutShowingTheSecret() {
		this.sns.answerWith(403, "text/xml",
				"<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>");
		DeliveryResult refused = send("{\"form\":{\"Action\":\"Publish\"}}");
		assertThat(refused.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(refused.error()).contains("SignatureDoesNotMatch").doesNotContain(SECRET);
		this.sns.answerWith(503);
		assertThat(send("{\"form\":{\"Action\":\"Publish\"}}").outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(send("[1]").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
	}

}
