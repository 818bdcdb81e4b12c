package io.zgw.sharding;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.zgw.sharding.fanout.ResilienceSettings;
import io.zgw.sharding.zabbix.ZabbixApiException;
import io.zgw.sharding.zabbix.ZabbixClient;
import io.zgw.sharding.zabbix.ZabbixClientSettings;
import io.zgw.sharding.zabbix.ZabbixResponseTooLargeException;

/**
 * ShardRegistry maps business lines to their Zabbix shards, in configuration order. It is
 * built once from validated configuration and never changes.
 */
public final class ShardRegistry implements AutoCloseable {

	private final Map<String, Shard> shards;

	/**
	 * Builds one client, breaker and bulkhead per shard.
	 * @param configs the shards; names must be unique
	 * @param resilience breaker and bulkhead settings, the same for every shard
	 * @param connectTimeout TCP connect timeout of every client
	 * @param maxResponseBytes response size limit of every client
	 * @param clock the clock breakers use to leave the open state
	 */
	public ShardRegistry(List<ShardConfig> configs, ResilienceSettings resilience, Duration connectTimeout,
			long maxResponseBytes, Clock clock) {
		Map<String, Shard> byName = new LinkedHashMap<>();
		CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
			.slidingWindow(resilience.slidingWindowSize(), resilience.minimumNumberOfCalls(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(resilience.failureRateThreshold())
			.waitDurationInOpenState(resilience.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(resilience.permittedCallsInHalfOpenState())
			// A shard that answers with a JSON-RPC error or too much data is alive.
			.ignoreExceptions(ZabbixApiException.class, ZabbixResponseTooLargeException.class)
			.clock(clock)
			.build();
		BulkheadConfig bulkheadConfig = BulkheadConfig.custom()
			.maxConcurrentCalls(resilience.maxConcurrentCalls())
			.maxWaitDuration(Duration.ZERO)
			.build();
		for (ShardConfig config : configs) {
			if (byName.containsKey(config.name())) {
				throw new IllegalArgumentException("duplicate shard name '" + config.name() + "'");
			}
			ZabbixClient client = new ZabbixClient(new ZabbixClientSettings(config.name(), config.url(),
					config.credentials(), connectTimeout, config.timeout(), maxResponseBytes));
			byName.put(config.name(), new Shard(config, client, CircuitBreaker.of(config.name(), breakerConfig),
					Bulkhead.of(config.name(), bulkheadConfig)));
		}
		this.shards = Collections.unmodifiableMap(byName);
	}

	/** Returns the shard names in configuration order. */
	public List<String> names() {
		return new ArrayList<>(this.shards.keySet());
	}

	/** Returns every shard in configuration order. */
	public Collection<Shard> shards() {
		return this.shards.values();
	}

	/** Returns the shard named {@code name}, if configured. */
	public Optional<Shard> find(String name) {
		return Optional.ofNullable(this.shards.get(name));
	}

	/** Returns the configuration of the shard named {@code name}, if configured. */
	public Optional<ShardConfig> config(String name) {
		return find(name).map(Shard::config);
	}

	/** Logs out the sessions of shards that use username and password. */
	@Override
	public void close() {
		for (Shard shard : this.shards.values()) {
			try {
				shard.client().close();
			}
			catch (RuntimeException ex) {
				// Best effort: a shard that is down keeps its session until Zabbix
				// expires it.
			}
		}
	}

}
