package io.zgw.gateway.shard;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zgw.sharding.ShardConfig;
import io.zgw.sharding.ShardQualifiedId;
import io.zgw.sharding.zabbix.ZabbixCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ShardsProperties binds {@code zgw.shards}: the Zabbix shards, one per business line.
 *
 * @param shards the shards, in the order listings show them
 */
@ConfigurationProperties("zgw")
public record ShardsProperties(List<Shard> shards) {

	public ShardsProperties {
		shards = (shards != null) ? List.copyOf(shards) : List.of();
	}

	/**
	 * Returns the validated shard configurations.
	 * @throws InvalidShardConfigException naming the first bad key, e.g.
	 * {@code zgw.shards[1].url}
	 */
	public List<ShardConfig> toConfigs() {
		List<ShardConfig> configs = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < this.shards.size(); i++) {
			configs.add(this.shards.get(i).toConfig("zgw.shards[" + i + "]", i, seen));
		}
		return configs;
	}

	/**
	 * Shard is one entry of {@code zgw.shards}.
	 *
	 * @param name business line served by this shard, {@code [a-z0-9_-]+}
	 * @param url the shard's {@code api_jsonrpc.php} URL, http or https
	 * @param apiToken Zabbix API token (preferred over username/password)
	 * @param username Zabbix user, when no API token is set
	 * @param password password of {@code username}
	 * @param timeout per-call deadline for this shard (default 5s)
	 * @param labels free-form labels shown in {@code /api/v1/shards}
	 * @param webhookSecret secret the shard's Zabbix webhook presents to the alert
	 * ingestion
	 */
	public record Shard(String name, String url, String apiToken, String username, String password, Duration timeout,
			Map<String, String> labels, String webhookSecret) {

		ShardConfig toConfig(String key, int index, Map<String, Integer> seen) {
			if (this.name == null || this.name.isBlank()) {
				throw new InvalidShardConfigException(key + ".name", "is missing");
			}
			if (!ShardQualifiedId.SHARD_NAME.matcher(this.name).matches()) {
				throw new InvalidShardConfigException(key + ".name",
						"must match [a-z0-9_-]{1,64}, got '" + this.name + "'");
			}
			Integer previous = seen.putIfAbsent(this.name, index);
			if (previous != null) {
				throw new InvalidShardConfigException(key + ".name",
						"'" + this.name + "' is already used by zgw.shards[" + previous + "]");
			}
			if (this.timeout != null && (this.timeout.isNegative() || this.timeout.isZero())) {
				throw new InvalidShardConfigException(key + ".timeout", "must be positive, got " + this.timeout);
			}
			return new ShardConfig(this.name, url(key + ".url"), credentials(key), this.timeout, this.labels,
					this.webhookSecret);
		}

		private URI url(String key) {
			if (this.url == null || this.url.isBlank()) {
				throw new InvalidShardConfigException(key, "is missing");
			}
			try {
				URI uri = new URI(this.url);
				if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
					throw new InvalidShardConfigException(key, "must be an http(s) URL, got '" + this.url + "'");
				}
				return uri;
			}
			catch (URISyntaxException ex) {
				throw new InvalidShardConfigException(key, "is not a valid URL: '" + this.url + "'");
			}
		}

		private ZabbixCredentials credentials(String key) {
			if (hasText(this.apiToken)) {
				return new ZabbixCredentials.ApiToken(this.apiToken);
			}
			if (hasText(this.username) && hasText(this.password)) {
				return new ZabbixCredentials.UserPassword(this.username, this.password);
			}
			if (hasText(this.username)) {
				throw new InvalidShardConfigException(key + ".password",
						"is missing for username '" + this.username + "'");
			}
			throw new InvalidShardConfigException(key + ".api-token", "is missing (or set username and password)");
		}

		private static boolean hasText(String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "Shard[name=" + this.name + ", url=" + this.url + "]";
		}

	}

}
