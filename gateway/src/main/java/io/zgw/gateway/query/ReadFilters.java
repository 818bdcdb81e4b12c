package io.zgw.gateway.query;

import java.util.List;
import java.util.Map;

import io.zgw.sharding.Shard;
import io.zgw.sharding.zabbix.TagFilter;

/**
 * ReadFilters is a validated read request: the shards that can match (business lines and
 * ids already applied) and the filters each of them gets.
 *
 * @param listing the endpoint's name ({@code hosts}, {@code problems}...), which its
 * cursors carry
 * @param shards the shards to ask, never more than can match
 * @param groups host group names, empty for any
 * @param hosts technical host names, empty for any
 * @param hostIds Zabbix host ids per shard from shard-qualified {@code hostId}s
 * @param itemIds Zabbix item ids per shard from shard-qualified {@code itemId}s
 * @param tags tag filters, all must match
 * @param severities severities 0-5, empty for any
 * @param search substring of item keys, or null
 * @param from epoch seconds, or null
 * @param to epoch seconds, or null
 * @param limit page size
 * @param after position to continue after, or null for the first page
 */
record ReadFilters(String listing, List<Shard> shards, List<String> groups, List<String> hosts,
		Map<String, List<String>> hostIds, Map<String, List<String>> itemIds, List<TagFilter> tags,
		List<Integer> severities, String search, Long from, Long to, int limit, PageKey after) {

	/**
	 * Zabbix ids of the hosts named by {@code hostId} on {@code shard}; empty if none.
	 */
	List<String> hostIdsOn(String shard) {
		return this.hostIds.getOrDefault(shard, List.of());
	}

	/**
	 * Zabbix ids of the items named by {@code itemId} on {@code shard}; empty if none.
	 */
	List<String> itemIdsOn(String shard) {
		return this.itemIds.getOrDefault(shard, List.of());
	}

	/** The tag filters for Zabbix, null for none. */
	List<TagFilter> zabbixTags() {
		return this.tags.isEmpty() ? null : this.tags;
	}

	/** The severities for Zabbix, null for any. */
	List<Integer> zabbixSeverities() {
		return this.severities.isEmpty() ? null : this.severities;
	}

}
