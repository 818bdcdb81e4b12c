package io.zgw.gateway.alerting.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * InterimWebhookShardProperties binds only the parts of {@code zgw.shards[]} the webhook
 * endpoint needs (name, webhook-secret, labels); it stands in for the shared shard
 * registry until that is wired as the {@link WebhookShards} bean.
 *
 * @param shards the configured shards; other shard properties are ignored here
 */
@ConfigurationProperties("zgw")
public record InterimWebhookShardProperties(@Nullable List<Shard> shards) implements WebhookShards {

	public InterimWebhookShardProperties {
		shards = (shards != null) ? List.copyOf(shards) : List.of();
	}

	@Override
	public Optional<WebhookShard> find(String name) {
		return this.shards.stream()
			.filter((shard) -> shard.name() != null && shard.name().equals(name))
			.findFirst()
			.map((shard) -> new WebhookShard(shard.name(), shard.webhookSecret(), shard.labels()));
	}

	/**
	 * Shard is one entry of {@code zgw.shards}.
	 *
	 * @param name shard name
	 * @param webhookSecret secret the shard's Zabbix webhook presents as a bearer token
	 * @param labels labels of the shard ({@code business_line} overrides the name)
	 */
	public record Shard(@Nullable String name, @Nullable String webhookSecret, @Nullable Map<String, String> labels) {

	}

}
