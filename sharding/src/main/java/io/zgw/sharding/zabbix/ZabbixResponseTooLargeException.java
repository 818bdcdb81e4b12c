package io.zgw.sharding.zabbix;

/**
 * ZabbixResponseTooLargeException is a shard answer larger than the configured response
 * size limit; the body is dropped unread.
 */
public class ZabbixResponseTooLargeException extends ZabbixException {

	public ZabbixResponseTooLargeException(String shard, String method, long limitBytes) {
		super(shard, method + " answer exceeds the response size limit of " + limitBytes + " bytes", null);
	}

}
