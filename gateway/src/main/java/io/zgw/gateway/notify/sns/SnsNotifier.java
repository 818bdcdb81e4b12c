package io.zgw.gateway.notify.sns;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.GoForm;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnsNotifier makes the rendered SNS {@code Publish} call: the form encoded as Go does,
 * signed with Signature Version 4 when it is sent. As Alertmanager: 5xx and 429 are
 * retried, another 4xx (an unknown topic, a refused signature) fails for good with AWS's
 * error.
 * <p>
 * With a {@code role_arn}, the Publish is signed with the role's temporary credentials,
 * which AWS STS {@code AssumeRole} gives for the entry's (or the environment's)
 * credentials; they are kept until five minutes before they expire. A failure of STS is
 * retried, its error named.
 */
public final class SnsNotifier extends JsonApiNotifier<SnsConfig> {

	static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

	private final Clock clock;

	// The role's credentials, kept until this notifier is replaced at a reload.
	private final TemporaryCredentials.Cache assumedRole = new TemporaryCredentials.Cache();

	/** Creates the notifier. */
	public SnsNotifier(Integration integration, SnsConfig config, JsonPoster poster, JsonMapper json, Duration timeout,
			Clock clock) {
		super(integration, config, poster, json, timeout);
		this.clock = clock;
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		Map<String, String> form = payloadFields(delivery, "form");
		if (form == null) {
			return DeliveryResult.permanent("sns payload is not a JSON object with a form");
		}
		String body = GoForm.encode(form);
		URI url = this.config.publishUrl();
		Instant now = this.clock.instant();
		AwsCredentials credentials;
		try {
			credentials = signingCredentials(now);
		}
		catch (IllegalStateException ex) {
			// As Alertmanager: retried, so that credentials put in place later are used.
			return DeliveryResult.retryable(ex.getMessage());
		}
		SigV4.Signature signature = SigV4.sign(url, FORM, body, this.config.region(), "sns", credentials, now);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Amz-Date", signature.amzDate());
		if (credentials.sessionToken() != null) {
			headers.put("X-Amz-Security-Token", credentials.sessionToken().value());
		}
		// The signature replaces any http_config authentication, as the SDK's does.
		return this.poster
			.send("POST", url, body, FORM, headers, this.config.httpConfig(), signature.authorization(), this.timeout)
			.result();
	}

	private AwsCredentials signingCredentials(Instant now) {
		SnsConfig config = this.config;
		if (config.roleArn().isEmpty()) {
			return config.baseCredentials(now);
		}
		return this.assumedRole.get(now, () -> config.environment()
			.assumeRole(config.roleArn(), config.region(), config.baseCredentials(now), now));
	}

}
