package io.zgw.gateway.security;

import io.zgw.gateway.testsupport.ManualClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {

	private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final AtomicInteger loads = new AtomicInteger();

	private final Function<String, String> loader = (key) -> key + "#" + this.loads.incrementAndGet();

	@Test
	void entryIsServedFromCacheUntilItsTtlPasses() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, this.clock);
		assertThat(cache.get("a", this.loader)).isEqualTo("a#1");
		this.clock.advance(Duration.ofMillis(9999));
		assertThat(cache.get("a", this.loader)).isEqualTo("a#1");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(cache.get("a", this.loader)).isEqualTo("a#2");
	}

	@Test
	void evictedEntryIsLoadedAgain() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 100, this.clock);
		cache.get("a", this.loader);
		cache.evict("a");
		assertThat(cache.get("a", this.loader)).isEqualTo("a#2");
	}

	@Test
	void cacheNeverHoldsMoreThanItsBound() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 3, this.clock);
		for (int i = 0; i < 50; i++) {
			cache.get("k" + i, this.loader);
			assertThat(cache.size()).isLessThanOrEqualTo(3);
		}
	}

	@Test
	void fullCacheDropsExpiredEntriesFirst() {
		ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(10), 2, this.clock);
		cache.get("old", this.loader);
		this.clock.advance(Duration.ofSeconds(5));
		cache.get("young", this.loader);
		this.clock.advance(Duration.ofSeconds(6));
		cache.get("new", this.loader);
		assertThat(cache.size()).isEqualTo(2);
		assertThat(cache.get("young", this.loader)).isEqualTo("young#2");
	}

}
