package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ZabbixProblem is an open problem as returned by {@code problem.get}. */
public record ZabbixProblem(String eventid, String objectid, long clock, String name, int severity, int acknowledged,
		int suppressed, @JsonProperty("r_eventid") String recoveryEventId, List<ZabbixTag> tags) {

	public ZabbixProblem {
		tags = (tags != null) ? tags : List.of();
	}

}
