package io.zgw.sharding.zabbix;

/**
 * ZabbixTimeoutException is a shard that did not answer within the client's connect or
 * request timeout.
 */
public class ZabbixTimeoutException extends ZabbixTransportException {

	public ZabbixTimeoutException(String shard, String message, Throwable cause) {
		super(shard, message, cause);
	}

}
