package io.zgw.gateway.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ShardOutcome;
import io.zgw.sharding.fanout.ShardedResult;
import io.zgw.sharding.zabbix.ZabbixVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * ShardsHealthIndicator probes every shard with a one-row authenticated call under the
 * usual deadline and breaker, so a revoked token shows too: all up is UP, some down is
 * {@link #DEGRADED} (still HTTP 200), all down is DOWN. Health is open to anyone, so a
 * flood of requests must not become a flood of calls to every Zabbix: one probe runs at a
 * time, and its answer serves the requests of the next {@link #REUSE}.
 */
class ShardsHealthIndicator implements HealthIndicator {

	/** Some shards answer, some do not: the gateway still serves partial results. */
	static final Status DEGRADED = new Status("DEGRADED", "some shards are unavailable");

	/** How long a probe's answer is reused. */
	static final Duration REUSE = Duration.ofSeconds(5);

	private final ShardRegistry registry;

	private final FanOut fanOut;

	private final Clock clock;

	private @Nullable Health last;

	private Instant lastAt = Instant.MIN;

	ShardsHealthIndicator(ShardRegistry registry, FanOut fanOut, Clock clock) {
		this.registry = registry;
		this.fanOut = fanOut;
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		if (this.last == null || !now.isBefore(this.lastAt.plus(REUSE))) {
			this.last = probe();
			this.lastAt = now;
		}
		return this.last;
	}

	private Health probe() {
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
