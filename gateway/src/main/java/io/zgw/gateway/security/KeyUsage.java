package io.zgw.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;

/**
 * KeyUsage remembers when each API key last authenticated a request on this replica and
 * writes it to the key's row every flush interval (and when the gateway stops), so that a
 * request never waits on MySQL for it. Replicas write the latest time each saw; the
 * column keeps the latest of all. Only keys that authenticated are remembered, so the map
 * holds at most one entry per stored key.
 */
final class KeyUsage implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);

	// Uses closer together than this only read the map: the hot path writes to it about
	// once a second per key.
	private static final Duration RESOLUTION = Duration.ofSeconds(1);

	private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();

	private final ApiKeyStore store;

	private final Duration flushInterval;

	private @Nullable ScheduledExecutorService scheduler;

	KeyUsage(ApiKeyStore store, Duration flushInterval) {
		this.store = store;
		this.flushInterval = flushInterval;
	}

	/** Notes that the key with this hash authenticated a request at {@code at}. */
	void used(String keyHash, Instant at) {
		Instant seen = this.unwritten.get(keyHash);
		if (seen == null || !seen.plus(RESOLUTION).isAfter(at)) {
			this.unwritten.merge(keyHash, at, KeyUsage::later);
		}
	}

	/**
	 * Writes the uses noted since the last flush. If MySQL refuses, they are kept for the
	 * next one.
	 */
	void flush() {
		Map<String, Instant> batch = new HashMap<>();
		for (String keyHash : this.unwritten.keySet()) {
			Instant at = this.unwritten.remove(keyHash);
			if (at != null) {
				batch.put(keyHash, at);
			}
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.store.recordUse(batch);
		}
		catch (RuntimeException ex) {
			// Caught whatever it is: an exception would end the scheduled flushes.
			batch.forEach((keyHash, at) -> this.unwritten.merge(keyHash, at, KeyUsage::later));
			log.warn("Could not record the last use of {} API keys, will try again: {}", batch.size(),
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, "zgw-key-usage");
			t.setDaemon(true);
			return t;
		});
		long millis = this.flushInterval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
			flush();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
