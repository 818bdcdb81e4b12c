package io.zgw.gateway.query;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataCacheTest {

	private final ManualClock clock = new ManualClock();

	private final MetadataCache cache = new MetadataCache(this.clock, Duration.ofSeconds(60), 100);

	private final AtomicInteger loads = new AtomicInteger();

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

	private String load() {
		return "load-" + this.loads.incrementAndGet();
	}

}
