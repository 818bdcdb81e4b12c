package io.zgw.gateway.shard;

import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.Shard;
import io.zgw.sharding.zabbix.ZabbixException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * ShardWarmUp reads every shard's API version once the gateway is ready, off the main
 * thread, so the first query does not pay for it. It bypasses the breakers: a shard that
 * is down at start-up is found out by the first real call.
 */
class ShardWarmUp {

	private final ShardRegistry registry;

	private final FanOutExecutor executor;

	ShardWarmUp(ShardRegistry registry, FanOutExecutor executor) {
		this.registry = registry;
		this.executor = executor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		for (Shard shard : this.registry.shards()) {
			this.executor.executor().execute(() -> {
				try {
					shard.client().ping();
				}
				catch (ZabbixException ex) {
					// Nothing to do yet: the first call through the fan-out records the
					// failure.
				}
			});
		}
	}

}
