package io.zgw.gateway.alerting.ingest;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * WebhookShards is the seam to the shard registry that the Zabbix webhook endpoint needs:
 * the shards allowed to post events, with their webhook secrets and labels.
 */
public interface WebhookShards {

	/** Returns the shard with this name, if configured. */
	Optional<WebhookShard> find(String name);

	/**
	 * WebhookShard is what the webhook endpoint knows about one shard.
	 *
	 * @param name the shard (and default business line) name
	 * @param webhookSecret the secret its Zabbix webhook presents; null when not
	 * configured
	 * @param labels the shard's configured labels
	 */
	record WebhookShard(String name, @Nullable String webhookSecret, Map<String, String> labels) {

		public WebhookShard {
			labels = (labels != null) ? Map.copyOf(labels) : Map.of();
		}

		/**
		 * Returns the shard's business line: its {@code business_line} label or its name.
		 */
		public String businessLine() {
			String configured = this.labels.get("business_line");
			return (configured != null && !configured.isBlank()) ? configured : this.name;
		}

	}

}
