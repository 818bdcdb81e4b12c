package io.zgw.gateway.alerting;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * AlertingProperties configures alert ingestion and the durable alert store
 * ({@code zgw.alerting.*}).
 *
 * @param resolveTimeout how long a posted alert without endsAt stays firing unless
 * re-sent (Alertmanager's resolve_timeout)
 * @param maxBodySize largest request body accepted by the ingest endpoints; larger ones
 * get 413
 * @param maxLabels most labels one alert may carry
 * @param maxLabelValueLength longest label value, and longest field (tag names included)
 * of a Zabbix webhook body, in characters; at most 8192, so that a business_line label
 * fits its TEXT column in any script
 * @param zabbixTimeZone zone of the Zabbix webhook's event_date/event_time; the system
 * zone when unset
 * @param routingConfigFile the routing file shown as config.original by
 * {@code GET /api/v2/status}; none when unset
 * @param writer the group-commit writer that makes posted alerts durable
 */
@Validated
@ConfigurationProperties("zgw.alerting")
public record AlertingProperties(@DefaultValue("5m") @NotNull Duration resolveTimeout,
		@DefaultValue("1MB") @NotNull DataSize maxBodySize, @DefaultValue("64") @Min(1) int maxLabels,
		@DefaultValue("2048") @Min(1) @Max(8192) int maxLabelValueLength, @Nullable ZoneId zabbixTimeZone,
		@Nullable String routingConfigFile, @DefaultValue @Valid Writer writer) {

	public AlertingProperties {
		zabbixTimeZone = (zabbixTimeZone != null) ? zabbixTimeZone : ZoneId.systemDefault();
	}

	/**
	 * Writer configures the group-commit alert writer.
	 *
	 * @param lanes writer threads; an alert always goes to the same lane (by
	 * fingerprint), so re-sends of one alert are applied in order
	 * @param batchSize most alerts written in one statement
	 * @param maxWait how long a lane waits for more alerts before writing a partial batch
	 * (0: write whatever queued up while the previous commit ran)
	 * @param queueCapacity alerts each lane queues before requests get 503
	 * @param commitTimeout how long a request waits for its commit before answering 503
	 * @param cacheSize alert states each lane remembers to skip reading them back
	 */
	public record Writer(@DefaultValue("1") @Min(1) @Max(16) int lanes,
			@DefaultValue("1000") @Min(1) @Max(10000) int batchSize, @DefaultValue("0ms") @NotNull Duration maxWait,
			@DefaultValue("20000") @Min(1) int queueCapacity, @DefaultValue("10s") @NotNull Duration commitTimeout,
			@DefaultValue("200000") @Min(0) int cacheSize) {

	}

}
