package io.zgw.gateway.alerting.expiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SilenceExpiryProperties configures the notices of silences about to expire
 * ({@code zgw.alerting.silence-expiry.*}).
 *
 * @param notice how long before a silence ends its notice fires; {@code 0} (the default)
 * sends none, as Alertmanager
 * @param check how often the silences are checked, on one replica at a time; a notice
 * whose silence was extended, expired or mutes nothing any more resolves within three
 * checks
 */
@ConfigurationProperties("zgw.alerting.silence-expiry")
public record SilenceExpiryProperties(@DefaultValue("0s") Duration notice, @DefaultValue("1m") Duration check) {

	public SilenceExpiryProperties {
		if (notice.isNegative()) {
			throw new IllegalArgumentException(
					"zgw.alerting.silence-expiry.notice must be 0 (no notices) or positive, got " + notice);
		}
		if (check.isZero() || check.isNegative()) {
			throw new IllegalArgumentException("zgw.alerting.silence-expiry.check must be positive, got " + check);
		}
	}

}
