package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ZabbixEvent is a trigger event as returned by {@code event.get}, with hosts, tags and
 * updates.
 */
public record ZabbixEvent(String eventid, String objectid, long clock, int value, String name, int severity,
		int acknowledged, @JsonProperty("r_eventid") String recoveryEventId, List<ZabbixHostRef> hosts,
		List<ZabbixTag> tags, List<ZabbixAcknowledge> acknowledges) {

	public ZabbixEvent {
		hosts = (hosts != null) ? hosts : List.of();
		tags = (tags != null) ? tags : List.of();
		acknowledges = (acknowledges != null) ? acknowledges : List.of();
	}

}
