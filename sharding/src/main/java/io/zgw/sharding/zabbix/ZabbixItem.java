package io.zgw.sharding.zabbix;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** ZabbixItem is an item as returned by {@code item.get}. */
public record ZabbixItem(String itemid, String hostid, String name, @JsonProperty("key_") String key,
		@JsonProperty("value_type") int valueType, String units, String lastvalue, long lastclock, int status,
		List<ZabbixHostRef> hosts, List<ZabbixTag> tags) {

	/** Value type: numeric float. */
	public static final int FLOAT = 0;

	/** Value type: numeric unsigned. */
	public static final int UNSIGNED = 3;

	public ZabbixItem {
		hosts = (hosts != null) ? hosts : List.of();
		tags = (tags != null) ? tags : List.of();
	}

	/**
	 * Whether the item's values are numbers, i.e. it has trends and can be aggregated.
	 */
	public boolean numeric() {
		return this.valueType == FLOAT || this.valueType == UNSIGNED;
	}

}
