package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * TrendGet is {@code trend.get}: hourly min/avg/max of numeric items.
 *
 * @param itemids the items
 * @param timeFrom from this epoch second, inclusive
 * @param timeTill to this epoch second, inclusive
 * @param limit at most this many hourly values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrendGet(List<String> itemids, @JsonProperty("time_from") Long timeFrom,
		@JsonProperty("time_till") Long timeTill, Integer limit) implements ZabbixRequest<List<ZabbixTrend>> {

	@JsonProperty
	List<String> output() {
		return List.of("itemid", "clock", "num", "value_min", "value_avg", "value_max");
	}

	@Override
	public String method() {
		return "trend.get";
	}

	@Override
	public TypeReference<List<ZabbixTrend>> resultType() {
		return new TypeReference<>() {
		};
	}

}
