package io.zgw.gateway.query;

import io.zgw.gateway.testsupport.ManualClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataCacheTest {

	private final ManualClock clock = new ManualClock();

	private final MetadataCache cache = new MetadataCache(this.clock, Duration.ofSeconds(60), 100);

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void peekSeesOnlyLoadedFreshValuesAndNeverLoads() throws Exception {
		assertThat(this.cache.<String>peek("shop", "host.get")).isEmpty();

		this.cache.get("shop", "host.get", this::load);
		assertThat(this.cache.<String>peek("shop", "host.get")).contains("load-1");
		assertThat(this.cache.<String>peek("pay", "host.get")).isEmpty();

		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.cache.<String>peek("shop", "host.get")).isEmpty();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void valueIsServedFromCacheUntilTheTtlPasses() throws Exception {
		assertThat(this.cache.get("shop", "host.get", this::load)).isEqualTo("load-1");
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.cache.get("shop", "host.get", this::load)).isEqualTo("load-1");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.cache.get("shop", "host.get", this::load)).isEqualTo("load-2");
	}

	@Test
	void sameCallOnAnotherShardIsAnotherEntry() throws Exception {
		assertThat(this.cache.get("shop", "host.get", this::load)).isEqualTo("load-1");
		assertThat(this.cache.get("pay", "host.get", this::load)).isEqualTo("load-2");
	}

	@Test
	void failedLoadIsNotCached() throws Exception {
		assertThatThrownBy(() -> this.cache.get("shop", "host.get", () -> {
			throw new IllegalStateException("shop down");
		})).hasMessage("shop down");
		assertThat(this.cache.get("shop", "host.get", this::load)).isEqualTo("load-1");
	}

	@Test
	void identicalCallsInFlightAreCoalescedIntoOneLoad() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			Future<String> first = callers.submit(() -> this.cache.get("shop", "host.get", () -> {
				loading.countDown();
				release.await();
				return load();
			}));
			loading.await();
			Future<String> second = callers.submit(() -> this.cache.get("shop", "host.get", this::load));
			Future<String> third = callers.submit(() -> this.cache.get("shop", "host.get", this::load));
			release.countDown();

			assertThat(first.get()).isEqualTo("load-1");
			assertThat(second.get()).isEqualTo("load-1");
			assertThat(third.get()).isEqualTo("load-1");
			assertThat(this.loads).hasValue(1);
		}
		finally {
			release.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void batchLoadsOnlyIdsNotCachedAndGivesAbsentIdsTheDefault() throws Exception {
		List<List<String>> batches = new ArrayList<>();
		MetadataCache.BatchLoader<String> loader = (ids) -> {
			batches.add(ids);
			return ids.stream()
				.filter((id) -> !id.equals("404"))
				.collect(Collectors.toMap((id) -> id, (id) -> "host-" + id));
		};

		assertThat(this.cache.getAll("shop", "trigger-hosts", List.of("1", "2"), "none", loader))
			.containsExactly(Map.entry("1", "host-1"), Map.entry("2", "host-2"));
		assertThat(this.cache.getAll("shop", "trigger-hosts", List.of("2", "3", "404"), "none", loader))
			.containsExactly(Map.entry("2", "host-2"), Map.entry("3", "host-3"), Map.entry("404", "none"));
		this.clock.advance(Duration.ofSeconds(61));
		this.cache.getAll("shop", "trigger-hosts", List.of("1"), "none", loader);

		assertThat(batches).containsExactly(List.of("1", "2"), List.of("3", "404"), List.of("1"));
	}

	private String load() {
		return "load-" + this.loads.incrementAndGet();
	}

}
