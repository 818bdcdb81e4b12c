package io.zgw.sharding.zabbix;

/**
 * ZabbixApiException is a JSON-RPC error answered by a shard, with Zabbix's code, message
 * and data.
 */
public class ZabbixApiException extends ZabbixException {

	private final String method;

	private final int code;

	private final String zabbixMessage;

	private final String data;

	public ZabbixApiException(String shard, String method, int code, String zabbixMessage, String data) {
		super(shard, method + " failed: " + zabbixMessage + ((data != null && !data.isEmpty()) ? " " + data : "")
				+ " (code " + code + ")", null);
		this.method = method;
		this.code = code;
		this.zabbixMessage = zabbixMessage;
		this.data = data;
	}

	public String method() {
		return this.method;
	}

	public int code() {
		return this.code;
	}

	public String zabbixMessage() {
		return this.zabbixMessage;
	}

	public String data() {
		return this.data;
	}

}
