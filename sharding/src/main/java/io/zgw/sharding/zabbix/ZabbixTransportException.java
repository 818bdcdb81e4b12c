package io.zgw.sharding.zabbix;

/**
 * ZabbixTransportException is a shard that could not be reached or answered something
 * that is not JSON-RPC (connection refused, HTTP error status, broken body).
 */
public class ZabbixTransportException extends ZabbixException {

	public ZabbixTransportException(String shard, String message, Throwable cause) {
		super(shard, message, cause);
	}

}
