package io.zgw.sharding;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.zgw.sharding.zabbix.ZabbixCredentials;

/**
 * ShardConfig describes one Zabbix shard: its name (= business line), JSON-RPC URL,
 * credentials, per-call timeout, free-form labels and the secret its webhook presents.
 * Secrets never appear in {@link #toString()}.
 */
public record ShardConfig(String name, URI url, ZabbixCredentials credentials, Duration timeout,
		Map<String, String> labels, String webhookSecret) {

	/** Default per-call timeout when a shard does not set one. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public ShardConfig {
		labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
	}

	@Override
	public String toString() {
		return "ShardConfig[name=" + this.name + ", url=" + this.url + ", credentials=" + this.credentials
				+ ", timeout=" + this.timeout + ", labels=" + this.labels + ", webhookSecret="
				+ ((this.webhookSecret != null) ? "***" : "none") + "]";
	}

}
