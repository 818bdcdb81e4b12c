package io.zgw.sharding.zabbix;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * HostGroupGet is {@code hostgroup.get}, optionally filtered by exact group names.
 *
 * @param filter exact-match filter, e.g. {@code {name: [...]}}; null for all groups
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostGroupGet(Map<String, Object> filter) implements ZabbixRequest<List<ZabbixHostGroup>> {

	@JsonProperty
	List<String> output() {
		return List.of("groupid", "name");
	}

	@Override
	public String method() {
		return "hostgroup.get";
	}

	@Override
	public TypeReference<List<ZabbixHostGroup>> resultType() {
		return new TypeReference<>() {
		};
	}

}
