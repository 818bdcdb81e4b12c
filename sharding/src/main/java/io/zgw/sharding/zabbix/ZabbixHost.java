package io.zgw.sharding.zabbix;

import java.util.List;

/** ZabbixHost is a host as returned by {@code host.get} with its groups and tags. */
public record ZabbixHost(String hostid, String host, String name, int status, List<ZabbixHostGroup> groups,
		List<ZabbixTag> tags) {

	public ZabbixHost {
		groups = (groups != null) ? groups : List.of();
		tags = (tags != null) ? tags : List.of();
	}

}
