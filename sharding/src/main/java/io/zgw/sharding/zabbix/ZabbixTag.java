package io.zgw.sharding.zabbix;

/** ZabbixTag is a tag as Zabbix returns it on hosts, items, triggers and events. */
public record ZabbixTag(String tag, String value) {
}
