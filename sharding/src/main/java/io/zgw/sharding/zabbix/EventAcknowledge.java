package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.type.TypeReference;

/**
 * EventAcknowledge is {@code event.acknowledge}: close, acknowledge, comment on or change
 * the severity of problem events.
 *
 * @param eventids the events to update
 * @param action bit mask of {@link #CLOSE}, {@link #ACKNOWLEDGE}, {@link #MESSAGE},
 * {@link #SEVERITY}, {@link #UNACKNOWLEDGE}
 * @param message the comment, with {@link #MESSAGE}
 * @param severity the new severity, with {@link #SEVERITY}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventAcknowledge(List<String> eventids, int action, String message,
		Integer severity) implements ZabbixRequest<EventAcknowledge.Result> {

	/** Action bit: close the problem. */
	public static final int CLOSE = 1;

	/** Action bit: acknowledge. */
	public static final int ACKNOWLEDGE = 2;

	/** Action bit: add a message. */
	public static final int MESSAGE = 4;

	/** Action bit: change severity. */
	public static final int SEVERITY = 8;

	/** Action bit: withdraw the acknowledgement (Zabbix 6.0 and later). */
	public static final int UNACKNOWLEDGE = 16;

	@Override
	public String method() {
		return "event.acknowledge";
	}

	@Override
	public TypeReference<Result> resultType() {
		return new TypeReference<>() {
		};
	}

	/** Result lists the events Zabbix updated. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Result(List<String> eventids) {
	}

}
