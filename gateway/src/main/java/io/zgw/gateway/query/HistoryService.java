package io.zgw.gateway.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zgw.gateway.query.Downsampler.Aggregation;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.Shard;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ShardedResult;
import io.zgw.sharding.zabbix.HistoryGet;
import io.zgw.sharding.zabbix.ItemGet;
import io.zgw.sharding.zabbix.TrendGet;
import io.zgw.sharding.zabbix.ZabbixHistoryValue;
import io.zgw.sharding.zabbix.ZabbixItem;
import io.zgw.sharding.zabbix.ZabbixTrend;

/**
 * HistoryService answers history and trends: item ids go to their owning shards only,
 * each shard's calls are split by {@link HistoryPlan}, trends are read beyond the
 * configured age, and points are optionally downsampled in the gateway. History is never
 * cached; the items' metadata is.
 */
final class HistoryService {

	private final FanOut fanOut;

	private final MetadataCache cache;

	private final QueryProperties properties;

	private final Clock clock;

	HistoryService(FanOut fanOut, MetadataCache cache, QueryProperties properties, Clock clock) {
		this.fanOut = fanOut;
		this.cache = cache;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Returns one series per requested item.
	 * @param source {@code auto}, {@code history} or {@code trends}
	 * @param stepSeconds bucket size for downsampling, or null for raw points
	 */
	Envelope<Series> series(ReadFilters filters, String source, Long stepSeconds, Aggregation aggregation) {
		if (filters.itemIds().isEmpty()) {
			throw ApiException.badParameter("itemId", "itemId is required, e.g. itemId=shop:45678");
		}
		long to = (filters.to() != null) ? filters.to() : this.clock.instant().getEpochSecond();
		long from = (filters.from() != null) ? filters.from() : to - this.properties.defaultHistoryRange().toSeconds();
		if (from > to) {
			throw ApiException.badParameter("from", "from must not be after to");
		}
		boolean trends = switch (source) {
			case "trends" -> true;
			case "history" -> false;
			case "auto" -> from < this.clock.instant().minus(this.properties.trendsAfter()).getEpochSecond();
			default -> throw ApiException.badParameter("source",
					"source must be auto, history or trends, got '" + source + "'");
		};
		Duration window = trends ? this.properties.trendsMaxWindowPerCall() : this.properties.historyMaxWindowPerCall();
		requireFewCalls(filters, from, to, trends, window);
		ShardedResult<List<Series>> result = this.fanOut.run(trends ? "trend.get" : "history.get", filters.shards(),
				(shard) -> shardSeries(shard, filters, from, to, trends, window, stepSeconds, aggregation));
		List<Series> data = result.successes()
			.stream()
			.flatMap((outcome) -> outcome.value().stream())
			.sorted(Comparator.comparing(Series::pageKey, PageKey.BY_NAME))
			.toList();
		return Envelope.of(data, result, null);
	}

	// One request must not run a shard's calls into its deadline, whose timeouts would
	// open its circuit breaker for every caller: a range needing more calls than the
	// limit (from=1 asked 82,000) is refused before any is made.
	private void requireFewCalls(ReadFilters filters, long from, long to, boolean trends, Duration window) {
		long most = 0;
		for (Shard shard : filters.shards()) {
			int items = (int) filters.itemIdsOn(shard.name()).stream().distinct().count();
			most = Math.max(most, HistoryPlan.calls(items, from, to, this.properties.historyMaxItemsPerCall(), window));
		}
		int limit = this.properties.historyMaxCallsPerShard();
		if (most > limit) {
			throw ApiException.badParameter("from",
					"from " + Instant.ofEpochSecond(from) + " to " + Instant.ofEpochSecond(to) + " needs at least "
							+ most + " " + (trends ? "trend.get" : "history.get") + " calls to one shard, at most "
							+ limit + " (zgw.query.history-max-calls-per-shard): narrow the range"
							+ (trends ? "" : " or read trends (source=trends)"));
		}
	}

	private List<Series> shardSeries(Shard shard, ReadFilters filters, long from, long to, boolean trends,
			Duration window, Long stepSeconds, Aggregation aggregation) throws Exception {
		List<String> ids = filters.itemIdsOn(shard.name()).stream().distinct().sorted().toList();
		ItemGet lookup = ItemGet.byIds(ids);
		List<ZabbixItem> items = this.cache.get(shard.name(), lookup.toString(), () -> shard.client().execute(lookup));
		Map<String, List<double[]>> numeric = new LinkedHashMap<>();
		Map<String, List<Point>> text = new LinkedHashMap<>();
		for (HistoryPlan.Call call : HistoryPlan.plan(items, from, to, trends, this.properties.historyMaxItemsPerCall(),
				window)) {
			if (call.trends()) {
				for (ZabbixTrend t : shard.client()
					.execute(new TrendGet(call.itemids(), call.from(), call.till(), null))) {
					numeric.computeIfAbsent(t.itemid(), (k) -> new ArrayList<>())
						.add(new double[] { t.clock(), t.avg(), t.min(), t.max(), t.num() });
				}
				continue;
			}
			for (ZabbixHistoryValue v : shard.client()
				.execute(new HistoryGet(call.valueType(), call.itemids(), call.from(), call.till(), null))) {
				if (call.valueType() == ZabbixItem.FLOAT || call.valueType() == ZabbixItem.UNSIGNED) {
					double value = Double.parseDouble(v.value());
					numeric.computeIfAbsent(v.itemid(), (k) -> new ArrayList<>())
						.add(new double[] { v.clock(), value, value, value, 1 });
				}
				else {
					text.computeIfAbsent(v.itemid(), (k) -> new ArrayList<>())
						.add(new Point(v.clock(), v.value(), null, null));
				}
			}
		}
		List<Series> series = new ArrayList<>();
		for (ZabbixItem item : items) {
			boolean fromTrends = trends && item.numeric();
			List<Point> points = item.numeric()
					? points(numeric.getOrDefault(item.itemid(), List.of()), fromTrends, stepSeconds, aggregation)
					: text.getOrDefault(item.itemid(), List.of());
			boolean truncated = points.size() > filters.limit();
			if (truncated) {
				points = points.subList(points.size() - filters.limit(), points.size());
			}
			series.add(new Series(Views.qualify(shard.name(), item.itemid()), shard.name(), item.name(), item.key(),
					item.units(), item.valueType(), fromTrends ? "trends" : "history", stepSeconds, points, truncated));
		}
		return series;
	}

	private static List<Point> points(List<double[]> raw, boolean trends, Long stepSeconds, Aggregation aggregation) {
		List<double[]> sorted = raw.stream().sorted(Comparator.comparingDouble((p) -> p[0])).toList();
		if (stepSeconds != null) {
			return Downsampler.downsample(sorted, stepSeconds, aggregation)
				.stream()
				.map((p) -> new Point((long) p[0], p[1], null, null))
				.toList();
		}
		return sorted.stream()
			.map((p) -> trends ? new Point((long) p[0], p[1], p[2], p[3]) : new Point((long) p[0], p[1], null, null))
			.toList();
	}

	/**
	 * Series is one item's values in a history or trends answer.
	 *
	 * @param id the item's shard-qualified id
	 * @param source {@code history} or {@code trends}
	 * @param step downsampling bucket in seconds, absent for raw points
	 * @param truncated true when older points were dropped to honour {@code limit}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Series(String id, String shard, String name, String key, String units, int valueType, String source,
			Long step, List<Point> points, boolean truncated) implements Paged {

		@Override
		public PageKey pageKey() {
			return new PageKey(0, this.name, this.shard, Views.localId(this.id));
		}

	}

	/**
	 * Point is one value: a number (or text for text items); trends also carry the hour's
	 * min and max.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Point(long clock, Object value, Double min, Double max) {
	}

}
