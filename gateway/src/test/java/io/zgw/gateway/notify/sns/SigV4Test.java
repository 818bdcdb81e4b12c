package io.zgw.gateway.notify.sns;

import java.net.URI;
import java.time.Instant;

import io.zgw.gateway.notify.Secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs the Publish calls a real Alertmanager 0.25 made (to a recording server, on
 * 2026-12-05 with the keys of its file, on 2026-12-06 with temporary credentials from its
 * environment and from a profile) and gets the signatures the AWS SDK for Go computed for
 * them.
 */
class SigV4Test {

	private static final Instant AT = Instant.parse("2026-12-05T21:04:57Z");

	private static final String CREDENTIAL = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/eu-west-1/sns/"
			+ "aws4_request, SignedHeaders=content-length;content-type;host;x-amz-date, Signature=";

	private static SigV4.Signature sign(String url, String body) {
		return SigV4.sign(URI.create(url), SnsNotifier.FORM, body, "eu-west-1", "sns",
				new AwsCredentials("AKIDEXAMPLE", new Secret("wJalrXUtnFEMI"), null), AT);
	}

	@Test
	void signsAsTheAwsSdkForGo() {
		String body = "Action=Publish&Message=s+%26+t%0A%0AAlerts+Firing%3A%0ALabels%3A%0A+-+alertname+%3D+A%3Cb%3E"
				+ "%0A+-+severity+%3D+crit%0AAnnotations%3A%0A+-+summary+%3D+s+%26+t%0ASource%3A+%0A%0A%0A%0A"
				+ "&MessageAttributes.entry.1.Name=sev&MessageAttributes.entry.1.Value.DataType=String"
				+ "&MessageAttributes.entry.1.Value.StringValue=crit&MessageAttributes.entry.2.Name=team"
				+ "&MessageAttributes.entry.2.Value.DataType=String&MessageAttributes.entry.2.Value.StringValue=ops"
				+ "&Subject=%5BFIRING%3A1%5D+A%3Cb%3E+%28crit%29"
				+ "&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aalerts&Version=2010-03-31";
		SigV4.Signature signature = sign("http://127.0.0.1:18879/", body);
		assertThat(signature.amzDate()).isEqualTo("20261205T210457Z");
		assertThat(signature.authorization())
			.isEqualTo(CREDENTIAL + "0b1f60bc96a302f20ca9c0ca0884bac347a38787f567d734571a1a6a42c3c178");
	}

	@Test
	void signsAFifoPublishToAPathAsTheAwsSdkForGo() {
		String body = "Action=Publish&Message=m+s+%26+t&MessageAttributes="
				+ "&MessageDeduplicationId=47e352f74f0a3b2ea8e82c3f00202a44129a0118de383057ca852da10be1a260"
				+ "&MessageGroupId=47e352f74f0a3b2ea8e82c3f00202a44129a0118de383057ca852da10be1a260"
				+ "&Subject=firing+A%3Cb%3E"
				+ "&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aalerts.fifo&Version=2010-03-31";
		assertThat(sign("http://127.0.0.1:18879/fifo/", body).authorization())
			.isEqualTo(CREDENTIAL + "3650f7c947c679be7fe71532916a32d96accfb109ecf8a708324e2b297607806");
	}

	@Test
	void signsTheSessionTokenOfTemporaryCredentialsAsTheAwsSdkForGo() {
		String body = "Action=Publish&Message=m&MessageAttributes=&Subject=s"
				+ "&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aalerts&Version=2010-03-31";
		Instant at = Instant.parse("2026-12-06T00:12:12Z");
		String signedHeaders = ", SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, ";
		// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
		assertThat(SigV4
			.sign(URI.create("http://127.0.0.1:18879/env/"), SnsNotifier.FORM, body, "eu-west-1", "sns",
					new AwsCredentials("AKIDENV", new Secret("envSecret"), new Secret("envToken")), at)
			.authorization())
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDENV/20261206/eu-west-1/sns/aws4_request" + signedHeaders
					+ "Signature=27b1513dd3375fa66f115c0eea42055f9c0d1b445902dbd62a3cf57d5e710fb5");
		// sigv4.profile, in the region of AWS_REGION.
		assertThat(SigV4
			.sign(URI.create("http://127.0.0.1:18879/profile/"), SnsNotifier.FORM, body, "us-west-2", "sns",
					new AwsCredentials("AKIDOPS", new Secret("opsSecret"), new Secret("opsSessionToken")), at)
			.authorization())
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDOPS/20261206/us-west-2/sns/aws4_request" + signedHeaders
					+ "Signature=ae4f3a1900ce97b06f8a6fa3ea4ba549944c4920247ee4d0a51773fe2bec5678");
	}

}
