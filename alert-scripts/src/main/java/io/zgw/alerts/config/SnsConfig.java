package io.zgw.alerts.config;

import java.util.List;
import java.util.Map;

import io.zgw.alerts.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * SnsConfig is an {@code sns_configs} entry that zgw delivers: an Amazon SNS
 * {@code Publish} call signed with AWS Signature Version 4, with the access key of its
 * {@code sigv4} section or, without one, credentials from the environment or a profile of
 * the shared credentials file, as the AWS SDK finds them; with a {@code sigv4.role_arn},
 * with the temporary credentials AWS STS gives those for the role.
 *
 * @param apiUrl {@code api_url}, or null for {@code https://sns.<region>.amazonaws.com/}
 * @param region {@code sigv4.region}, or empty for the environment's
 * @param accessKey {@code sigv4.access_key}, or empty
 * @param secretKey {@code sigv4.secret_key} (a secret), empty when the access key is
 * @param profile {@code sigv4.profile}: the shared credentials file's profile to sign
 * with, or empty
 * @param roleArn {@code sigv4.role_arn}: the role to assume with AWS STS, or empty
 * @param topicArn {@code topic_arn}, null when unset; a topic ending in {@code .fifo}
 * gets the group's hash as deduplication and group id
 * @param phoneNumber {@code phone_number}, null when unset; the message is then cut to
 * 1600 bytes instead of 256 KiB
 * @param targetArn {@code target_arn}, null when unset
 * @param subject {@code subject}, null when set empty
 * @param message {@code message}
 * @param attributes {@code attributes}: names and values, both templates
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record SnsConfig(@Nullable String apiUrl, String region, String accessKey, String secretKey, String profile,
		String roleArn, @Nullable Template topicArn, @Nullable Template phoneNumber, @Nullable Template targetArn,
		@Nullable Template subject, Template message, List<Attribute> attributes, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("subject", "{{ template \"sns.default.subject\" . }}",
			"message", "{{ template \"sns.default.message\" . }}");

	public SnsConfig {
		attributes = List.copyOf(attributes);
	}

	@Override
	public String type() {
		return "sns";
	}

	// The secret key is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "SnsConfig[apiUrl=" + this.apiUrl + ", region=" + this.region + ", accessKey=" + this.accessKey
				+ ", secretKey=<secret>, profile=" + this.profile + ", roleArn=" + this.roleArn + ", sendResolved="
				+ this.sendResolved + ", http=" + this.http + "]";
	}

	/**
	 * Attribute is an {@code attributes} entry, a string message attribute.
	 *
	 * @param name its name
	 * @param value its value
	 */
	public record Attribute(Template name, Template value) {
	}

}
