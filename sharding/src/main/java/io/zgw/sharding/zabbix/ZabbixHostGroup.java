package io.zgw.sharding.zabbix;

/** ZabbixHostGroup is a host group as returned by {@code hostgroup.get}. */
public record ZabbixHostGroup(String groupid, String name) {
}
