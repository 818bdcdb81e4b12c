package io.zgw.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * ExpiringCache is a small bounded map whose entries expire a fixed time after they were
 * loaded, timed by an injected {@link Clock}. When full it drops expired entries, and if
 * that is not enough, everything: crude, but the working set (one entry per API key in
 * use) is far below the bound, and a flood of random keys cannot grow it without limit.
 */
final class ExpiringCache<K, V> {

	private record Entry<V>(V value, Instant expiresAt) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final int maxSize;

	private final Clock clock;

	ExpiringCache(Duration ttl, int maxSize, Clock clock) {
		this.ttl = ttl;
		this.maxSize = maxSize;
		this.clock = clock;
	}

	/**
	 * Returns the cached value for {@code key}, loading and caching it if absent or
	 * expired.
	 */
	V get(K key, Function<K, V> loader) {
		Instant now = this.clock.instant();
		@Nullable Entry<V> entry = this.entries.get(key);
		if (entry != null && now.isBefore(entry.expiresAt())) {
			return entry.value();
		}
		V value = loader.apply(key);
		if (this.entries.size() >= this.maxSize) {
			this.entries.values().removeIf((e) -> !now.isBefore(e.expiresAt()));
			if (this.entries.size() >= this.maxSize) {
				this.entries.clear();
			}
		}
		this.entries.put(key, new Entry<>(value, now.plus(this.ttl)));
		return value;
	}

	void evict(K key) {
		this.entries.remove(key);
	}

	int size() {
		return this.entries.size();
	}

}
