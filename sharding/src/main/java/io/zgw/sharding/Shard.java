package io.zgw.sharding;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zgw.sharding.zabbix.ZabbixClient;

/**
 * Shard is one configured Zabbix instance with everything kept per shard: its client (and
 * connection pool), bulkhead, circuit breaker and last-seen health.
 */
public final class Shard {

	private final ShardConfig config;

	private final ZabbixClient client;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final ShardHealth health = new ShardHealth();

	Shard(ShardConfig config, ZabbixClient client, CircuitBreaker breaker, Bulkhead bulkhead) {
		this.config = config;
		this.client = client;
		this.breaker = breaker;
		this.bulkhead = bulkhead;
	}

	public String name() {
		return this.config.name();
	}

	public ShardConfig config() {
		return this.config;
	}

	public ZabbixClient client() {
		return this.client;
	}

	public CircuitBreaker breaker() {
		return this.breaker;
	}

	public Bulkhead bulkhead() {
		return this.bulkhead;
	}

	public ShardHealth health() {
		return this.health;
	}

	@Override
	public String toString() {
		return "Shard[" + this.config + "]";
	}

}
