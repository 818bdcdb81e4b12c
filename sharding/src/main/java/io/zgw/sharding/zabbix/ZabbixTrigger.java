package io.zgw.sharding.zabbix;

import java.util.List;

/** ZabbixTrigger is a trigger as returned by {@code trigger.get} with hosts and tags. */
public record ZabbixTrigger(String triggerid, String description, int priority, int value, long lastchange, int status,
		List<ZabbixHostRef> hosts, List<ZabbixTag> tags) {

	public ZabbixTrigger {
		hosts = (hosts != null) ? hosts : List.of();
		tags = (tags != null) ? tags : List.of();
	}

}
