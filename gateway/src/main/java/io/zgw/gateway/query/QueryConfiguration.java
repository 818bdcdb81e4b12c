package io.zgw.gateway.query;

import java.time.Clock;

import io.zgw.gateway.shard.VisibleBusinessLines;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * QueryConfiguration wires the unified read API: filter parsing, the metadata cache, the
 * listing and history services and acknowledgement.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
class QueryConfiguration {

	@Bean
	MetadataCache metadataCache(QueryProperties properties, ObjectProvider<Clock> clock) {
		return new MetadataCache(clock.getIfAvailable(Clock::systemUTC), properties.cacheTtl(),
				properties.maxCachedEntries());
	}

	@Bean
	ReadFiltersParser readFiltersParser(ShardRegistry registry, VisibleBusinessLines visibility) {
		return new ReadFiltersParser(registry, visibility);
	}

	@Bean
	QueryService queryService(FanOut fanOut, MetadataCache cache, QueryProperties properties) {
		return new QueryService(fanOut, cache, properties);
	}

	@Bean
	HistoryService historyService(FanOut fanOut, MetadataCache cache, QueryProperties properties,
			ObjectProvider<Clock> clock) {
		return new HistoryService(fanOut, cache, properties, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	Acknowledger acknowledger(ShardRegistry registry, FanOut fanOut) {
		return new Acknowledger(registry, fanOut);
	}

}
