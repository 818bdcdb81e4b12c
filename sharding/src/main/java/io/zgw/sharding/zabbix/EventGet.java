package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * EventGet is {@code event.get} for trigger events, newest first, with hosts, tags and
 * updates; null components mean "no filter".
 *
 * @param eventids only these events
 * @param groupids only events on hosts in these groups
 * @param hostids only events on these hosts
 * @param tags tag filters, all must match
 * @param severities only these severities (0-5)
 * @param value only problem (1) or recovery (0) events
 * @param timeFrom only events at or after this epoch second
 * @param timeTill only events at or before this epoch second
 * @param limit at most this many events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventGet(List<String> eventids, List<String> groupids, List<String> hostids, List<TagFilter> tags,
		List<Integer> severities, Integer value, @JsonProperty("time_from") Long timeFrom,
		@JsonProperty("time_till") Long timeTill, Integer limit) implements ZabbixRequest<List<ZabbixEvent>> {

	/** Returns a request for exactly the events {@code eventids}. */
	public static EventGet byIds(List<String> eventids) {
		return new EventGet(eventids, null, null, null, null, null, null, null, null);
	}

	@JsonProperty
	int source() {
		return 0;
	}

	@JsonProperty
	int object() {
		return 0;
	}

	@JsonProperty
	List<String> output() {
		return List.of("eventid", "objectid", "clock", "value", "name", "severity", "acknowledged", "r_eventid");
	}

	@JsonProperty
	List<String> selectHosts() {
		return List.of("hostid", "host", "name");
	}

	@JsonProperty
	String selectTags() {
		return "extend";
	}

	@JsonProperty("select_acknowledges")
	String selectAcknowledges() {
		return "extend";
	}

	@JsonProperty
	List<String> sortfield() {
		return List.of("clock", "eventid");
	}

	@JsonProperty
	String sortorder() {
		return "DESC";
	}

	@Override
	public String method() {
		return "event.get";
	}

	@Override
	public TypeReference<List<ZabbixEvent>> resultType() {
		return new TypeReference<>() {
		};
	}

}
