package io.zgw.gateway.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zgw.gateway.query.Downsampler.Aggregation;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.zabbix.ZabbixItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingAndHistoryPlanTest {

	@Test
	void cursorRoundTripsAnyKeyIncludingNamesWithSeparators() {
		PageKey key = new PageKey(1795905148L, "web: 01\nblue|green", "shop", "10559");

		assertThat(PageKey.decode(key.encode("problems"), "problems")).isEqualTo(key);
	}

	@Test
	void foreignCursorIsABadCursorParameter() {
		assertThatThrownBy(() -> PageKey.decode("not-a-cursor!", "hosts")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.properties()).containsEntry("parameter", "cursor"));
	}

	@Test
	void cursorOfAnotherListingIsRefusedNamingBoth() {
		String hostsCursor = new PageKey(0, "web01", "shop", "10559").encode("hosts");

		assertThatThrownBy(() -> PageKey.decode(hostsCursor, "items")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getMessage()).contains("/hosts", "/items"));
	}

	@Test
	void newestFirstOrdersByTimeThenShardThenNumericIdDescending() {
		List<PageKey> keys = new ArrayList<>(List.of(new PageKey(10, "", "shop", "9"), new PageKey(10, "", "pay", "9"),
				new PageKey(20, "", "shop", "1"), new PageKey(10, "", "shop", "10")));

		keys.sort(PageKey.NEWEST_FIRST);

		assertThat(keys).containsExactly(new PageKey(20, "", "shop", "1"), new PageKey(10, "", "pay", "9"),
				new PageKey(10, "", "shop", "10"), new PageKey(10, "", "shop", "9"));
	}

	@Test
	void historyIsBatchedByValueTypeAndSplitByItemCountAndTimeWindow() {
		List<ZabbixItem> items = List.of(item("1", 0), item("2", 3), item("3", 0), item("4", 0), item("5", 1));

		List<HistoryPlan.Call> calls = HistoryPlan.plan(items, 0, 7199, false, 2, Duration.ofHours(1));

		assertThat(calls).containsExactly(new HistoryPlan.Call(0, List.of("1", "3"), 0, 3599),
				new HistoryPlan.Call(0, List.of("1", "3"), 3600, 7199), new HistoryPlan.Call(0, List.of("4"), 0, 3599),
				new HistoryPlan.Call(0, List.of("4"), 3600, 7199), new HistoryPlan.Call(1, List.of("5"), 0, 3599),
				new HistoryPlan.Call(1, List.of("5"), 3600, 7199), new HistoryPlan.Call(3, List.of("2"), 0, 3599),
				new HistoryPlan.Call(3, List.of("2"), 3600, 7199));
	}

	@Test
	void callsCountBatchesOfItemsTimesWindowsOfTime() {
		assertThat(HistoryPlan.calls(1, 0, 7199, 100, Duration.ofHours(1))).isEqualTo(2);
		assertThat(HistoryPlan.calls(101, 0, 7200, 100, Duration.ofHours(1))).isEqualTo(6);
		// from=1 to now in 6 h windows: the 82,000 calls one request once made.
		assertThat(HistoryPlan.calls(1, 1, 1_796_663_044, 100, Duration.ofHours(6))).isEqualTo(83_179);
	}

	@Test
	void trendsCoverNumericItemsWhileTextItemsStayOnHistory() {
		List<HistoryPlan.Call> calls = HistoryPlan.plan(List.of(item("1", 0), item("2", 3), item("5", 4)), 0, 100, true,
				100, Duration.ofDays(1));

		assertThat(calls).containsExactly(new HistoryPlan.Call(HistoryPlan.Call.TRENDS, List.of("1", "2"), 0, 100),
				new HistoryPlan.Call(4, List.of("5"), 0, 100));
	}

	@Test
	void downsamplingAggregatesPerStepBucketWeightingTrendsByTheirCount() {
		List<double[]> points = List.of(new double[] { 0, 1, 1, 1, 1 }, new double[] { 30, 3, 3, 3, 1 },
				new double[] { 60, 10, 2, 20, 3 }, new double[] { 90, 2, 2, 2, 1 });

		assertThat(Downsampler.downsample(points, 60, Aggregation.AVG)).containsExactly(new double[] { 0, 2 },
				new double[] { 60, 8 });
		assertThat(Downsampler.downsample(points, 60, Aggregation.MIN)).containsExactly(new double[] { 0, 1 },
				new double[] { 60, 2 });
		assertThat(Downsampler.downsample(points, 60, Aggregation.MAX)).containsExactly(new double[] { 0, 3 },
				new double[] { 60, 20 });
	}

	private static ZabbixItem item(String id, int valueType) {
		return new ZabbixItem(id, "10559", "item " + id, "key" + id, valueType, "", "", 0, 0, null, null);
	}

}
