package io.zgw.sharding.zabbix;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ZabbixTrend is one hourly aggregate as returned by {@code trend.get}. */
public record ZabbixTrend(String itemid, long clock, long num, @JsonProperty("value_min") double min,
		@JsonProperty("value_avg") double avg, @JsonProperty("value_max") double max) {
}
