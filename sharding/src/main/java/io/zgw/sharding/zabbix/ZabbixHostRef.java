package io.zgw.sharding.zabbix;

/** ZabbixHostRef is the short host shape Zabbix nests in items, triggers and events. */
public record ZabbixHostRef(String hostid, String host, String name) {
}
