package io.zgw.gateway.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.sharding.zabbix.ZabbixItem;

/**
 * HistoryPlan splits a history or trends request for one shard into Zabbix calls that
 * each stay under a size: one value type per {@code history.get}, at most so many items
 * and so long a time range per call.
 */
final class HistoryPlan {

	private HistoryPlan() {
	}

	/**
	 * Returns how many calls of at most {@code maxItems} items and {@code maxWindow} of
	 * time cover {@code items} items (of one value type) from {@code from} to {@code to}
	 * (epoch seconds, inclusive, {@code from <= to}).
	 */
	static long calls(int items, long from, long to, int maxItems, Duration maxWindow) {
		long batches = (items + (long) maxItems - 1) / maxItems;
		return batches * ((to - from) / Math.max(1, maxWindow.toSeconds()) + 1);
	}

	/**
	 * Returns the calls that cover {@code items} from {@code from} to {@code to} (epoch
	 * seconds, inclusive). With {@code trends}, numeric items read {@code trend.get};
	 * items without trends (text, log) always read history.
	 */
	static List<Call> plan(List<ZabbixItem> items, long from, long to, boolean trends, int maxItems,
			Duration maxWindow) {
		Map<Integer, List<String>> byType = new TreeMap<>();
		for (ZabbixItem item : items) {
			int type = (trends && item.numeric()) ? Call.TRENDS : item.valueType();
			byType.computeIfAbsent(type, (t) -> new ArrayList<>()).add(item.itemid());
		}
		long window = Math.max(1, maxWindow.toSeconds());
		List<Call> calls = new ArrayList<>();
		byType.forEach((type, ids) -> {
			for (int i = 0; i < ids.size(); i += maxItems) {
				List<String> batch = List.copyOf(ids.subList(i, Math.min(ids.size(), i + maxItems)));
				for (long start = from; start <= to; start += window) {
					calls.add(new Call(type, batch, start, Math.min(to, start + window - 1)));
				}
			}
		});
		return calls;
	}

	/**
	 * Call is one Zabbix call of a plan.
	 *
	 * @param valueType the items' value type, or {@link #TRENDS} for {@code trend.get}
	 * @param itemids the items, all of that value type
	 * @param from epoch seconds, inclusive
	 * @param till epoch seconds, inclusive
	 */
	record Call(int valueType, List<String> itemids, long from, long till) {

		/** Marks a {@code trend.get} call. */
		static final int TRENDS = -1;

		boolean trends() {
			return this.valueType == TRENDS;
		}

	}

}
