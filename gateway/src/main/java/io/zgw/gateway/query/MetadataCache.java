package io.zgw.gateway.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * MetadataCache keeps shard metadata (hosts, items, groups) for a TTL; identical calls in
 * flight are coalesced into one, and a failed call is never cached. Entries are per
 * shard, so a partial answer across shards never lands in the cache.
 */
final class MetadataCache {

	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration ttl;

	private final int maxEntries;

	MetadataCache(Clock clock, Duration ttl, int maxEntries) {
		this.clock = clock;
		this.ttl = ttl;
		this.maxEntries = maxEntries;
	}

	/**
	 * Returns the cached value of {@code call} on {@code shard}, loading it (once,
	 * however many callers ask at the same time) when absent or expired.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(String shard, String call, Callable<T> loader) throws Exception {
		Key key = new Key(shard, call);
		Instant now = this.clock.instant();
		Entry fresh = new Entry(new CompletableFuture<>(), now);
		Entry entry = this.entries.compute(key, (k, old) -> (old != null && old.usableAt(now, this.ttl)) ? old : fresh);
		if (entry == fresh) {
			evictIfFull(now);
			try {
				fresh.value().complete(loader.call());
			}
			catch (Exception ex) {
				this.entries.remove(key, fresh);
				fresh.value().completeExceptionally(ex);
				throw ex;
			}
		}
		return (T) await(entry);
	}

	/**
	 * Returns the value of {@code call} on {@code shard} if it is loaded and fresh,
	 * without loading or waiting.
	 */
	@SuppressWarnings("unchecked")
	<T> Optional<T> peek(String shard, String call) {
		Entry entry = this.entries.get(new Key(shard, call));
		if (entry == null || !entry.value().isDone() || !entry.usableAt(this.clock.instant(), this.ttl)) {
			return Optional.empty();
		}
		return Optional.of((T) entry.value().join());
	}

	/**
	 * Returns the cached value of each of {@code ids} of one {@code kind} on
	 * {@code shard}, loading every absent or expired one with a single {@code loader}
	 * call; ids the loader does not return get {@code absent}. Ids another caller is
	 * loading are waited for, not loaded twice.
	 */
	@SuppressWarnings("unchecked")
	<T> Map<String, T> getAll(String shard, String kind, Collection<String> ids, T absent, BatchLoader<T> loader)
			throws Exception {
		Instant now = this.clock.instant();
		Map<String, Entry> wanted = new LinkedHashMap<>();
		Map<String, Entry> mine = new LinkedHashMap<>();
		for (String id : ids) {
			Entry fresh = new Entry(new CompletableFuture<>(), now);
			Entry entry = this.entries.compute(new Key(shard, kind + " " + id),
					(k, old) -> (old != null && old.usableAt(now, this.ttl)) ? old : fresh);
			wanted.put(id, entry);
			if (entry == fresh) {
				mine.put(id, fresh);
			}
		}
		if (!mine.isEmpty()) {
			evictIfFull(now);
			try {
				Map<String, T> loaded = loader.load(List.copyOf(mine.keySet()));
				mine.forEach((id, entry) -> entry.value().complete(loaded.getOrDefault(id, absent)));
			}
			catch (Exception ex) {
				mine.forEach((id, entry) -> {
					this.entries.remove(new Key(shard, kind + " " + id), entry);
					entry.value().completeExceptionally(ex);
				});
				throw ex;
			}
		}
		Map<String, T> values = new LinkedHashMap<>();
		for (Map.Entry<String, Entry> entry : wanted.entrySet()) {
			values.put(entry.getKey(), (T) await(entry.getValue()));
		}
		return values;
	}

	private static Object await(Entry entry) throws Exception {
		try {
			return entry.value().get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private void evictIfFull(Instant now) {
		if (this.entries.size() > this.maxEntries) {
			this.entries.values().removeIf((entry) -> !entry.usableAt(now, this.ttl));
			if (this.entries.size() > this.maxEntries) {
				this.entries.clear();
			}
		}
	}

	/** BatchLoader loads the values of several ids with one call. */
	@FunctionalInterface
	interface BatchLoader<T> {

		Map<String, T> load(List<String> ids) throws Exception;

	}

	private record Key(String shard, String call) {
	}

	private record Entry(CompletableFuture<Object> value, Instant loadedAt) {

		boolean usableAt(Instant now, Duration ttl) {
			if (!this.value.isDone()) {
				return true;
			}
			return !this.value.isCompletedExceptionally() && now.isBefore(this.loadedAt.plus(ttl));
		}

	}

}
