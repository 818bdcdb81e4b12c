package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * HistoryGet is {@code history.get} for items of one value type, oldest first.
 *
 * @param history the value type of every item in {@code itemids}
 * @param itemids the items
 * @param timeFrom from this epoch second, inclusive
 * @param timeTill to this epoch second, inclusive
 * @param limit at most this many values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryGet(int history, List<String> itemids, @JsonProperty("time_from") Long timeFrom,
		@JsonProperty("time_till") Long timeTill, Integer limit) implements ZabbixRequest<List<ZabbixHistoryValue>> {

	@JsonProperty
	String output() {
		return "extend";
	}

	@JsonProperty
	String sortfield() {
		return "clock";
	}

	@JsonProperty
	String sortorder() {
		return "ASC";
	}

	@Override
	public String method() {
		return "history.get";
	}

	@Override
	public TypeReference<List<ZabbixHistoryValue>> resultType() {
		return new TypeReference<>() {
		};
	}

}
