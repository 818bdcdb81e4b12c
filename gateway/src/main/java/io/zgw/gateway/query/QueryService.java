package io.zgw.gateway.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.zgw.gateway.query.Views.EventView;
import io.zgw.gateway.query.Views.HostView;
import io.zgw.gateway.query.Views.ItemView;
import io.zgw.gateway.query.Views.ProblemView;
import io.zgw.gateway.query.Views.TriggerView;
import io.zgw.sharding.Shard;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ShardedResult;
import io.zgw.sharding.zabbix.EventGet;
import io.zgw.sharding.zabbix.HostGet;
import io.zgw.sharding.zabbix.HostGroupGet;
import io.zgw.sharding.zabbix.ItemGet;
import io.zgw.sharding.zabbix.ProblemGet;
import io.zgw.sharding.zabbix.TriggerGet;
import io.zgw.sharding.zabbix.ZabbixTrigger;
import io.zgw.sharding.zabbix.ZabbixHostGroup;

/**
 * QueryService answers the unified listings: it asks only the shards that can match, in
 * parallel, merges their answers in one global order, and pages with a cursor that stays
 * stable across shards.
 */
final class QueryService {

	private final FanOut fanOut;

	private final MetadataCache cache;

	private final QueryProperties properties;

	QueryService(FanOut fanOut, MetadataCache cache, QueryProperties properties) {
		this.fanOut = fanOut;
		this.cache = cache;
		this.properties = properties;
	}

	Envelope<HostView> hosts(ReadFilters filters) {
		// Without group or host names the scope needs no lookup: a cached listing is then
		// answered on the request thread.
		boolean unscoped = filters.groups().isEmpty() && filters.hosts().isEmpty();
		return page("host.get", filters, PageKey.BY_NAME,
				(shard) -> unscoped && filters.hostIdsOn(shard.name()).isEmpty()
						? this.cache.peek(shard.name(), "views " + hostGet(filters, null)) : Optional.empty(),
				(shard, scope) -> hostViews(shard, hostGet(filters, scope)));
	}

	private HostGet hostGet(ReadFilters filters, Scope scope) {
		return new HostGet((scope != null) ? scope.groupids() : null, (scope != null) ? scope.hostids() : null, null,
				filters.zabbixTags(), this.properties.maxMetadataObjects());
	}

	Envelope<ItemView> items(ReadFilters filters) {
		return page("item.get", filters, PageKey.BY_NAME, (shard, scope) -> {
			List<String> itemIds = filters.itemIdsOn(shard.name());
			ItemGet request = new ItemGet(itemIds.isEmpty() ? null : itemIds, scope.groupids(), scope.hostids(),
					(filters.search() != null) ? Map.of("key_", filters.search()) : null, filters.zabbixTags(),
					this.properties.maxMetadataObjects());
			return cached(shard, "views " + request,
					() -> shard.client()
						.execute(request)
						.stream()
						.map((item) -> ItemView.of(shard.name(), item))
						.toList());
		});
	}

	Envelope<TriggerView> triggers(ReadFilters filters) {
		Map<String, Object> priority = filters.severities().isEmpty() ? null : Map.of("priority", filters.severities());
		return page("trigger.get", filters, PageKey.NEWEST_FIRST,
				(shard, scope) -> newestFirst(filters,
						(till, limit) -> shard.client()
							.execute(new TriggerGet(scope.groupids(), scope.hostids(), null, filters.zabbixTags(),
									priority, filters.from(), till, limit))
							.stream()
							.map((trigger) -> TriggerView.of(shard.name(), trigger))
							.toList()));
	}

	Envelope<ProblemView> problems(ReadFilters filters) {
		return page("problem.get", filters, PageKey.NEWEST_FIRST, (shard, scope) -> {
			List<ProblemView> problems = newestFirst(filters,
					(till, limit) -> shard.client()
						.execute(new ProblemGet(scope.groupids(), scope.hostids(), null, filters.zabbixTags(),
								filters.zabbixSeverities(), filters.from(), till, limit))
						.stream()
						.map((problem) -> ProblemView.of(shard.name(), problem))
						.toList());
			return withHosts(shard, problems);
		});
	}

	Envelope<EventView> events(ReadFilters filters) {
		return page("event.get", filters, PageKey.NEWEST_FIRST,
				(shard, scope) -> newestFirst(filters,
						(till, limit) -> shard.client()
							.execute(new EventGet(null, scope.groupids(), scope.hostids(), filters.zabbixTags(),
									filters.zabbixSeverities(), null, filters.from(), till, limit))
							.stream()
							.map((event) -> EventView.of(shard.name(), event))
							.toList()));
	}

	/**
	 * Fans {@code fetch} out to the shards that can match, then merges: everything after
	 * the cursor, in {@code order}, cut at the limit.
	 */
	private <V extends Paged> Envelope<V> page(String method, ReadFilters filters, Comparator<PageKey> order,
			ShardFetch<V> fetch) {
		return page(method, filters, order, (shard) -> Optional.empty(), fetch);
	}

	/**
	 * Like {@link #page(String, ReadFilters, Comparator, ShardFetch)}; a shard whose
	 * candidates {@code cached} has at hand is answered without a worker thread.
	 */
	private <V extends Paged> Envelope<V> page(String method, ReadFilters filters, Comparator<PageKey> order,
			Function<Shard, Optional<List<V>>> cached, ShardFetch<V> fetch) {
		ShardedResult<List<V>> result = this.fanOut.run(method, filters.shards(), cached, (shard) -> {
			Optional<Scope> scope = scope(shard, filters);
			return scope.isPresent() ? fetch.fetch(shard, scope.get()) : List.of();
		});
		List<V> merged = result.successes()
			.stream()
			.flatMap((outcome) -> outcome.value().stream())
			.map((view) -> new Keyed<>(view.pageKey(), view))
			.filter((keyed) -> filters.after() == null || order.compare(keyed.key(), filters.after()) > 0)
			.sorted(Comparator.comparing(Keyed::key, order))
			.map(Keyed::view)
			.toList();
		boolean more = merged.size() > filters.limit();
		List<V> page = more ? merged.subList(0, filters.limit()) : merged;
		String next = more ? page.get(page.size() - 1).pageKey().encode(filters.listing()) : null;
		return Envelope.of(page, result, next);
	}

	/**
	 * Fetches one shard's newest objects after the cursor: asks for limit + 1 up to the
	 * cursor's time and, when objects at exactly that time crowd the answer, asks for
	 * more.
	 */
	private <V extends Paged> List<V> newestFirst(ReadFilters filters, Fetch<V> fetch) {
		PageKey after = filters.after();
		Long till = filters.to();
		if (after != null) {
			till = (till == null) ? after.time() : Math.min(till, after.time());
		}
		int need = filters.limit() + 1;
		int ask = need;
		while (true) {
			List<V> rows = fetch.fetch(till, ask);
			List<V> fresh = (after == null) ? rows
					: rows.stream().filter((v) -> PageKey.NEWEST_FIRST.compare(v.pageKey(), after) > 0).toList();
			if (fresh.size() >= need || rows.size() < ask || ask >= this.properties.maxLimit() * 10) {
				return fresh;
			}
			ask *= 4;
		}
	}

	/**
	 * Resolves group and host names to this shard's ids through the metadata cache; empty
	 * when the shard has none of them, so it is not asked at all.
	 */
	private Optional<Scope> scope(Shard shard, ReadFilters filters) throws Exception {
		List<String> groupids = null;
		if (!filters.groups().isEmpty()) {
			Set<String> wanted = Set.copyOf(filters.groups());
			HostGroupGet request = new HostGroupGet(null);
			List<ZabbixHostGroup> groups = cached(shard, request.toString(), () -> shard.client().execute(request));
			groupids = ids(groups, (g) -> wanted.contains(g.name()) ? g.groupid() : null);
			if (groupids.isEmpty()) {
				return Optional.empty();
			}
		}
		List<String> hostids = null;
		if (!filters.hosts().isEmpty() || !filters.hostIdsOn(shard.name()).isEmpty()) {
			Set<String> wanted = Set.copyOf(filters.hosts());
			Set<String> ids = new LinkedHashSet<>(filters.hostIdsOn(shard.name()));
			if (!wanted.isEmpty()) {
				List<HostView> hosts = hostViews(shard,
						new HostGet(null, null, null, null, this.properties.maxMetadataObjects()));
				ids.addAll(ids(hosts, (h) -> wanted.contains(h.host()) ? Views.localId(h.id()) : null));
			}
			if (ids.isEmpty()) {
				return Optional.empty();
			}
			hostids = List.copyOf(ids);
		}
		return Optional.of(new Scope(groupids, hostids));
	}

	/**
	 * Returns the shard's hosts as views, cached: a cached listing costs no conversion.
	 */
	private List<HostView> hostViews(Shard shard, HostGet request) throws Exception {
		return cached(shard, "views " + request,
				() -> shard.client().execute(request).stream().map((host) -> HostView.of(shard.name(), host)).toList());
	}

	/**
	 * Adds each problem's hosts: {@code problem.get} cannot select them, so they come
	 * from the trigger-to-hosts cache, filled with one {@code trigger.get} for the
	 * triggers not seen within the TTL.
	 */
	private List<ProblemView> withHosts(Shard shard, List<ProblemView> problems) throws Exception {
		if (problems.isEmpty()) {
			return problems;
		}
		Set<String> triggerIds = new LinkedHashSet<>();
		problems.forEach((problem) -> triggerIds.add(Views.localId(problem.triggerId())));
		Map<String, List<Views.HostRef>> hosts = this.cache.getAll(shard.name(), "trigger-hosts", triggerIds, List.of(),
				(ids) -> shard.client()
					.execute(new TriggerGet(null, null, ids, null, null, null, null, null))
					.stream()
					.collect(Collectors.toMap(ZabbixTrigger::triggerid,
							(trigger) -> Views.HostRef.of(shard.name(), trigger.hosts()))));
		return problems.stream()
			.map((problem) -> problem.withHosts(hosts.get(Views.localId(problem.triggerId()))))
			.toList();
	}

	private <T> T cached(Shard shard, String call, Callable<T> loader) throws Exception {
		return this.cache.get(shard.name(), call, loader);
	}

	private static <T> List<String> ids(List<T> objects, Function<T, String> idIfWanted) {
		List<String> ids = new ArrayList<>();
		for (T object : objects) {
			String id = idIfWanted.apply(object);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** Keyed is a view with its position computed once for sorting. */
	private record Keyed<V>(PageKey key, V view) {
	}

	/** Scope is one shard's part of the filters, names resolved to its own ids. */
	private record Scope(List<String> groupids, List<String> hostids) {
	}

	/** ShardFetch fetches one shard's candidates for a listing. */
	@FunctionalInterface
	private interface ShardFetch<V> {

		List<V> fetch(Shard shard, Scope scope) throws Exception;

	}

	/** Fetch asks one shard for at most {@code limit} objects up to {@code till}. */
	@FunctionalInterface
	private interface Fetch<V> {

		List<V> fetch(Long till, int limit);

	}

}
