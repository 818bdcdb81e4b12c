package io.zgw.gateway.notify.sns;

import io.zgw.gateway.notify.Secret;
import org.jspecify.annotations.Nullable;

/**
 * AwsCredentials is what signs an AWS request: an access key, its secret, and the session
 * token of temporary credentials, sent as {@code X-Amz-Security-Token} and signed.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token, or null
 */
public record AwsCredentials(String accessKeyId, Secret secretAccessKey, @Nullable Secret sessionToken) {

	public AwsCredentials {
		if (accessKeyId.isEmpty() || secretAccessKey.value().isEmpty()) {
			throw new IllegalArgumentException("AWS credentials need an access key id and a secret access key");
		}
	}

}
