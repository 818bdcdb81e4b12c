package io.zgw.sharding.zabbix;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * ItemGet is {@code item.get} returning items with their host and tags; null components
 * mean "no filter".
 *
 * @param itemids only these items
 * @param groupids only items of hosts in these groups
 * @param hostids only items of these hosts
 * @param search substring search, e.g. {@code {key_: "cpu"}}
 * @param tags tag filters, all must match
 * @param limit at most this many items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemGet(List<String> itemids, List<String> groupids, List<String> hostids, Map<String, Object> search,
		List<TagFilter> tags, Integer limit) implements ZabbixRequest<List<ZabbixItem>> {

	/** Returns a request for exactly the items {@code itemids}. */
	public static ItemGet byIds(List<String> itemids) {
		return new ItemGet(itemids, null, null, null, null, null);
	}

	@JsonProperty
	List<String> output() {
		return List.of("itemid", "hostid", "name", "key_", "value_type", "units", "lastvalue", "lastclock", "status");
	}

	@JsonProperty
	boolean templated() {
		return false;
	}

	@JsonProperty
	List<String> selectHosts() {
		return List.of("hostid", "host", "name");
	}

	@JsonProperty
	String selectTags() {
		return "extend";
	}

	@Override
	public String method() {
		return "item.get";
	}

	@Override
	public TypeReference<List<ZabbixItem>> resultType() {
		return new TypeReference<>() {
		};
	}

}
