package io.zgw.sharding.zabbix;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * HostGet is {@code host.get} returning hosts with their groups and tags; null components
 * mean "no filter".
 *
 * @param groupids only hosts in these groups
 * @param hostids only these hosts
 * @param filter exact-match filter, e.g. {@code {host: [...]}}
 * @param tags tag filters, all must match
 * @param limit at most this many hosts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostGet(List<String> groupids, List<String> hostids, Map<String, Object> filter, List<TagFilter> tags,
		Integer limit) implements ZabbixRequest<List<ZabbixHost>> {

	@JsonProperty
	List<String> output() {
		return List.of("hostid", "host", "name", "status");
	}

	@JsonProperty
	List<String> selectGroups() {
		return List.of("groupid", "name");
	}

	@JsonProperty
	String selectTags() {
		return "extend";
	}

	@Override
	public String method() {
		return "host.get";
	}

	@Override
	public TypeReference<List<ZabbixHost>> resultType() {
		return new TypeReference<>() {
		};
	}

}
