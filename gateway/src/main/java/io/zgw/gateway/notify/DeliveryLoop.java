package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * DeliveryLoop runs the {@link DeliveryWorker} every poll interval while the application
 * runs; finished outbox rows are purged by the retention jobs.
 */
public final class DeliveryLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

	private final DeliveryWorker worker;

	private final Duration pollInterval;

	// How long stopping waits for a running poll, then for the sends in flight.
	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private @Nullable ScheduledExecutorService scheduler;

	private final AtomicBoolean nudged = new AtomicBoolean();

	DeliveryLoop(DeliveryWorker worker, Duration pollInterval) {
		this.worker = worker;
		this.pollInterval = pollInterval;
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, "zgw-notify-poll");
			t.setDaemon(true);
			return t;
		});
		scheduler.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs a poll now rather than at the next poll interval, e.g. right after
	 * notifications were enqueued; nudges while one is pending coalesce.
	 */
	public void nudge() {
		ScheduledExecutorService current;
		synchronized (this) {
			current = scheduler;
		}
		if (current != null && nudged.compareAndSet(false, true)) {
			try {
				current.execute(() -> {
					nudged.set(false);
					poll();
				});
			}
			catch (RejectedExecutionException ex) {
				nudged.set(false);
			}
		}
	}

	private void poll() {
		try {
			// A finished send nudges the next poll, which fills its slot.
			worker.fill(this::nudge);
		}
		catch (RuntimeException ex) {
			// Keep polling: the database may be back on the next tick.
			log.warn("Notification delivery poll failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService stopping = scheduler;
		if (stopping == null) {
			return;
		}
		stopping.shutdown();
		scheduler = null;
		try {
			if (!stopping.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				log.warn("Notification delivery poll still running after {}", STOP_WAIT);
			}
			// Sends in flight finish and are recorded, so they are not sent again.
			worker.finish(STOP_WAIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Recording the last notification attempts failed; they are retried after their lease: {}",
					ex.toString());
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
