package io.zgw.sharding.zabbix;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * ZabbixClientSettings are the connection settings of one {@link ZabbixClient}.
 *
 * @param shard the shard name, carried by every error
 * @param url the {@code api_jsonrpc.php} URL
 * @param credentials API token or username/password
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed until the response headers arrive
 * @param maxResponseBytes answers larger than this are rejected
 */
public record ZabbixClientSettings(String shard, URI url, ZabbixCredentials credentials, Duration connectTimeout,
		Duration requestTimeout, long maxResponseBytes) {

	/** Default response size limit: 32 MiB. */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

	public ZabbixClientSettings {
		Objects.requireNonNull(shard, "shard");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(credentials, "credentials");
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		if (maxResponseBytes <= 0) {
			throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
		}
	}

}
