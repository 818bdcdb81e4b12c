package io.zgw.sharding.zabbix;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * TriggerGet is {@code trigger.get} returning triggers newest change first, with hosts
 * and tags; null components mean "no filter".
 *
 * @param groupids only triggers of hosts in these groups
 * @param hostids only triggers of these hosts
 * @param triggerids only these triggers
 * @param tags tag filters, all must match
 * @param filter exact-match filter, e.g. {@code {priority: [4, 5]}}
 * @param lastChangeSince only triggers last changed at or after this epoch second
 * @param lastChangeTill only triggers last changed at or before this epoch second
 * @param limit at most this many triggers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerGet(List<String> groupids, List<String> hostids, List<String> triggerids, List<TagFilter> tags,
		Map<String, Object> filter, @JsonIgnore Long lastChangeSince, @JsonIgnore Long lastChangeTill,
		Integer limit) implements ZabbixRequest<List<ZabbixTrigger>> {

	// Zabbix compares both strictly (lastchange > since, lastchange < till): a second
	// wider on each side makes them inclusive, as this record's are. A page break
	// inside a second lost the triggers sharing it, and never-changed triggers
	// (lastchange 0) could not be reached at all.
	@JsonProperty("lastChangeSince")
	Long zabbixLastChangeSince() {
		return (this.lastChangeSince != null) ? this.lastChangeSince - 1 : null;
	}

	@JsonProperty("lastChangeTill")
	Long zabbixLastChangeTill() {
		return (this.lastChangeTill != null) ? this.lastChangeTill + 1 : null;
	}

	@JsonProperty
	List<String> output() {
		return List.of("triggerid", "description", "priority", "value", "lastchange", "status");
	}

	@JsonProperty
	List<String> selectHosts() {
		return List.of("hostid", "host", "name");
	}

	@JsonProperty
	String selectTags() {
		return "extend";
	}

	@JsonProperty
	boolean templated() {
		return false;
	}

	@JsonProperty
	boolean expandDescription() {
		return true;
	}

	@JsonProperty
	List<String> sortfield() {
		return List.of("lastchange", "triggerid");
	}

	@JsonProperty
	String sortorder() {
		return "DESC";
	}

	@Override
	public String method() {
		return "trigger.get";
	}

	@Override
	public TypeReference<List<ZabbixTrigger>> resultType() {
		return new TypeReference<>() {
		};
	}

}
