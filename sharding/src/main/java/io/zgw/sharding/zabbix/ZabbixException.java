package io.zgw.sharding.zabbix;

/**
 * ZabbixException is any failure talking to one shard; it carries the shard's name and
 * never the credentials.
 */
public class ZabbixException extends RuntimeException {

	private final String shard;

	private final String detail;

	public ZabbixException(String shard, String detail, Throwable cause) {
		super(shard + ": " + detail, cause);
		this.shard = shard;
		this.detail = detail;
	}

	/** Returns the message without the shard name in front. */
	public String detail() {
		return this.detail;
	}

	public String shard() {
		return this.shard;
	}

}
