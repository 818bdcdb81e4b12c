package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * DeliveryLoop runs the {@link DeliveryWorker} every poll interval while the application
 * runs.
 */
final class DeliveryLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

	private final DeliveryWorker worker;

	private final Duration pollInterval;

	private @Nullable ScheduledExecutorService scheduler;

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

	private void poll() {
		try {
			worker.runUntilIdle();
		}
		catch (RuntimeException ex) {
			// Keep polling: the database may be back on the next tick.
			log.warn("Notification delivery poll failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
