package io.zgw.gateway.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zgw.sharding.Shard;
import io.zgw.sharding.ShardHealth;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.zabbix.ZabbixVersion;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ShardsController answers {@code GET /api/v1/shards}: each visible shard's last-seen
 * health (Zabbix version, last latency, breaker state, last error) without calling it.
 */
@RestController
class ShardsController {

	private final ShardRegistry registry;

	private final VisibleBusinessLines visibility;

	ShardsController(ShardRegistry registry, VisibleBusinessLines visibility) {
		this.registry = registry;
		this.visibility = visibility;
	}

	@GetMapping("/api/v1/shards")
	Map<String, List<ShardView>> shards(HttpServletRequest request) {
		return Map.of("data",
				this.registry.shards()
					.stream()
					.filter((shard) -> this.visibility.canSee(request, shard.name()))
					.map(ShardView::of)
					.toList());
	}

	/** ShardView is one shard as {@code /api/v1/shards} shows it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShardView(String name, String url, Map<String, String> labels, String version, String breakerState,
			String lastStatus, Long lastLatencyMs, Instant lastCallAt, String lastError, Instant lastErrorAt) {

		static ShardView of(Shard shard) {
			ShardHealth.Snapshot health = shard.health().snapshot();
			ZabbixVersion version = shard.client().knownVersion();
			Duration latency = health.lastLatency();
			return new ShardView(shard.name(), shard.config().url().toString(), shard.config().labels(),
					(version != null) ? version.text() : null,
					shard.breaker().getState().name().toLowerCase(Locale.ROOT),
					(health.lastStatus() != null) ? health.lastStatus().label() : null,
					(latency != null) ? latency.toMillis() : null, health.lastCallAt(), health.lastError(),
					health.lastErrorAt());
		}

	}

}
