package io.zgw.gateway.notify.sns;

import java.net.URI;
import java.time.Instant;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import org.jspecify.annotations.Nullable;

/**
 * SnsConfig is the delivery part of one entry of a receiver's {@code sns_configs}; the
 * message belongs to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for SNS is true)
 * @param apiUrl {@code api_url}, or the region's SNS endpoint
 * @param region {@code sigv4.region}, else the environment's {@code AWS_REGION}
 * @param credentials {@code sigv4.access_key} and {@code secret_key}, which sign at send
 * time and are never stored; null to sign with what {@code environment} has
 * @param profile {@code sigv4.profile}, or empty
 * @param roleArn {@code sigv4.role_arn}: the role whose temporary credentials, from AWS
 * STS {@code AssumeRole} asked with the credentials above, sign; or empty
 * @param environment where credentials are looked for when the entry has none
 * @param httpConfig {@code http_config}
 */
public record SnsConfig(boolean sendResolved, Secret apiUrl, String region, @Nullable AwsCredentials credentials,
		String profile, String roleArn, AwsEnvironment environment,
		HttpConfig httpConfig) implements HttpIntegrationConfig {

	public SnsConfig {
		if (region.isEmpty()) {
			throw new IllegalArgumentException(
					"sns_configs.sigv4.region: region not configured in sns.sigv4.region or in AWS_REGION");
		}
		WebhookConfig.requireHttpUrl(apiUrl, "sns_configs.api_url");
	}

	/**
	 * The entry's credentials, else the environment's: those that sign, or that ask for
	 * the role's with a {@code role_arn}.
	 * @throws IllegalStateException when the environment has none
	 */
	AwsCredentials baseCredentials(Instant now) {
		return (this.credentials != null) ? this.credentials
				: this.environment.credentials(this.profile, this.region, now);
	}

	/** The SNS endpoint of a region, where {@code api_url} is not set. */
	public static String endpoint(String region) {
		return "https://sns." + region + ".amazonaws.com/";
	}

	/** The URL the SDK posts to: {@code api_url} with one trailing slash. */
	URI publishUrl() {
		String url = this.apiUrl.value();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return URI.create(url + "/");
	}

}
