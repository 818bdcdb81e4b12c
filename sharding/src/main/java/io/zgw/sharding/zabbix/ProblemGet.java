package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

/**
 * ProblemGet is {@code problem.get} for trigger problems, newest first; null components
 * mean "no filter".
 *
 * @param groupids only problems on hosts in these groups
 * @param hostids only problems on these hosts
 * @param eventids only these problem events
 * @param tags tag filters, all must match
 * @param severities only these severities (0-5)
 * @param timeFrom only problems created at or after this epoch second
 * @param timeTill only problems created at or before this epoch second
 * @param limit at most this many problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemGet(List<String> groupids, List<String> hostids, List<String> eventids, List<TagFilter> tags,
		List<Integer> severities, @JsonProperty("time_from") Long timeFrom, @JsonProperty("time_till") Long timeTill,
		Integer limit) implements ZabbixRequest<List<ZabbixProblem>> {

	@JsonProperty
	int source() {
		return 0;
	}

	@JsonProperty
	int object() {
		return 0;
	}

	@JsonProperty
	String output() {
		return "extend";
	}

	@JsonProperty
	String selectTags() {
		return "extend";
	}

	@JsonProperty
	List<String> sortfield() {
		return List.of("eventid");
	}

	@JsonProperty
	String sortorder() {
		return "DESC";
	}

	@Override
	public String method() {
		return "problem.get";
	}

	@Override
	public TypeReference<List<ZabbixProblem>> resultType() {
		return new TypeReference<>() {
		};
	}

}
