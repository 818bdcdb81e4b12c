package io.zgw.gateway.shard;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FanOutExecutor owns the fixed pool of worker threads every shard call runs on; calls
 * are I/O bound, so the pool is larger than the number of cores.
 */
final class FanOutExecutor implements AutoCloseable {

	private final ExecutorService executor;

	FanOutExecutor(int threads) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "zgw-fanout-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = Executors.newFixedThreadPool(threads, factory);
	}

	ExecutorService executor() {
		return this.executor;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
