package io.zgw.gateway.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RetentionProperties says how long finished data is kept and how the maintenance jobs
 * run ({@code zgw.retention.*}); every value must be positive.
 *
 * @param interval how often each maintenance job runs (also once at every start)
 * @param resolvedAlerts how long an alert is kept after it resolved and was last written;
 * must exceed {@code zgw.alerting.dispatch.resolved-lookback}
 * @param alertHistory how long history rows of alerts that are not firing are kept
 * @param outbox how long delivered and permanently failed outbox rows are kept
 * @param silences how long expired silences are kept (Alertmanager's
 * {@code --data.retention})
 * @param batchSize most rows one delete statement removes, so a large purge never holds
 * many row locks at once
 */
@ConfigurationProperties("zgw.retention")
public record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("7d") Duration resolvedAlerts,
		@DefaultValue("30d") Duration alertHistory, @DefaultValue("7d") Duration outbox,
		@DefaultValue("120h") Duration silences, @DefaultValue("5000") int batchSize) {

	public RetentionProperties {
		requirePositive(interval, "zgw.retention.interval");
		requirePositive(resolvedAlerts, "zgw.retention.resolved-alerts");
		requirePositive(alertHistory, "zgw.retention.alert-history");
		requirePositive(outbox, "zgw.retention.outbox");
		requirePositive(silences, "zgw.retention.silences");
		if (batchSize < 1) {
			throw new IllegalArgumentException("zgw.retention.batch-size must be positive, got " + batchSize);
		}
	}

	private static void requirePositive(Duration value, String key) {
		if (value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(key + " must be positive, got " + value);
		}
	}

}
