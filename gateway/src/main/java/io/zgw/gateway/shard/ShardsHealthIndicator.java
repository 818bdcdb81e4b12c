package io.zgw.gateway.shard;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ShardOutcome;
import io.zgw.sharding.fanout.ShardedResult;
import io.zgw.sharding.zabbix.ZabbixVersion;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * ShardsHealthIndicator probes every shard with a one-row authenticated call under the
 * usual deadline and breaker, so a revoked token shows too: all up is UP, some down is
 * {@link #DEGRADED} (still HTTP 200), all down is DOWN.
 */
class ShardsHealthIndicator implements HealthIndicator {

	/** Some shards answer, some do not: the gateway still serves partial results. */
	static final Status DEGRADED = new Status("DEGRADED", "some shards are unavailable");

	private final ShardRegistry registry;

	private final FanOut fanOut;

	ShardsHealthIndicator(ShardRegistry registry, FanOut fanOut) {
		this.registry = registry;
		this.fanOut = fanOut;
	}

	@Override
	public Health health() {
		if (this.registry.shards().isEmpty()) {
			return Health.up().withDetail("shards", "none configured").build();
		}
		ShardedResult<ZabbixVersion> probe = this.fanOut.run("hostgroup.get", this.registry.shards(),
				(shard) -> shard.client().probe());
		Map<String, Object> details = new LinkedHashMap<>();
		probe.outcomes().forEach((name, outcome) -> details.put(name, detail(outcome)));
		Status status = probe.allFailed() ? Status.DOWN : probe.partial() ? DEGRADED : Status.UP;
		return Health.status(status).withDetails(details).build();
	}

	private static Map<String, Object> detail(ShardOutcome<ZabbixVersion> outcome) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("status", outcome.ok() ? "UP" : "DOWN");
		detail.put("outcome", outcome.status().label());
		detail.put("latencyMs", outcome.latency().toMillis());
		if (outcome.ok()) {
			detail.put("version", outcome.value().text());
		}
		else {
			detail.put("error", outcome.error());
		}
		return detail;
	}

}
