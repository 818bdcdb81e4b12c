package io.zgw.sharding.zabbix;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * ZabbixAcknowledge is one update (acknowledge, message, close...) recorded on an event.
 */
public record ZabbixAcknowledge(String acknowledgeid, String userid, long clock, String message, int action,
		@JsonProperty("old_severity") int oldSeverity, @JsonProperty("new_severity") int newSeverity) {
}
