package io.zgw.sharding.zabbix;

/**
 * ZabbixHistoryValue is one value as returned by {@code history.get}; numbers stay text.
 */
public record ZabbixHistoryValue(String itemid, long clock, long ns, String value) {
}
