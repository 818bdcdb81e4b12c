package io.zgw.gateway.notify.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * TemporaryCredentials are credentials AWS hands out for a while (AWS STS, a container's
 * credentials endpoint, the instance metadata service), with the time they expire.
 *
 * @param credentials the access key, its secret and its session token
 * @param expiration when AWS stops taking them
 */
record TemporaryCredentials(AwsCredentials credentials, Instant expiration) {

	/** How long before they expire credentials are fetched again (the AWS SDK's). */
	static final Duration EXPIRY_WINDOW = Duration.ofMinutes(5);

	/**
	 * Cache keeps the credentials last fetched until {@link #EXPIRY_WINDOW} before they
	 * expire. A fetch that fails is not kept: the next call fetches again.
	 */
	static final class Cache {

		private @Nullable TemporaryCredentials current;

		/**
		 * The credentials kept, or those {@code fetch} gets when there are none or they
		 * expire within the window at {@code now}; concurrent callers wait for one fetch.
		 */
		synchronized AwsCredentials get(Instant now, Supplier<TemporaryCredentials> fetch) {
			if (this.current == null || !now.isBefore(this.current.expiration().minus(EXPIRY_WINDOW))) {
				this.current = null;
				this.current = fetch.get();
			}
			return this.current.credentials();
		}

	}

}
