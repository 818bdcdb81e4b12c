package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.gateway.notify.outbox.OutboxQueue;

/**
 * NotifyMetrics names and records the delivery metrics; tags are bounded to the
 * integration kind and the outcome, and to the configured receivers' integrations.
 */
public final class NotifyMetrics {

	/** Counter of send attempts, {@code zgw_notifications_total} in Prometheus. */
	public static final String NOTIFICATIONS = "zgw_notifications";

	/**
	 * Timer of send attempts, {@code zgw_notification_latency_seconds_bucket} in
	 * Prometheus.
	 */
	public static final String LATENCY = "zgw_notification_latency";

	/**
	 * Counter of receiver templates that failed while rendering and were replaced by
	 * their default, {@code zgw_notification_template_errors_total} in Prometheus.
	 */
	public static final String TEMPLATE_ERRORS = "zgw_notification_template_errors";

	/**
	 * Counter of deliveries dropped unsent because they were older than
	 * {@code zgw.notify.max-age}, {@code zgw_notifications_expired_total} in Prometheus.
	 */
	public static final String EXPIRED = "zgw_notifications_expired";

	/** Gauge of deliveries neither delivered nor permanently failed. */
	public static final String OUTBOX_DEPTH = "zgw_notification_outbox_depth";

	/**
	 * Counter of notifications a receiver's {@code rate_limit} held back (each is tried
	 * again once the window allows).
	 */
	public static final String RATE_LIMITED = "zgw_notifications_rate_limited";

	/**
	 * Gauge of the sends waiting for an answer on this replica, by receiver integration:
	 * one that stays at {@code zgw.notify.concurrency-per-integration} is slow or
	 * stormed.
	 */
	public static final String SENDS_IN_FLIGHT = "zgw_notification_sends_in_flight";

	/** Tag: the integration's position among its receiver's configs of that kind. */
	public static final String TAG_INDEX = "index";

	/** Tag: the receiver's name. */
	public static final String TAG_RECEIVER = "receiver";

	/** Tag: integration kind, {@code webhook}, {@code slack} or {@code email}. */
	public static final String TAG_INTEGRATION = "integration";

	/** Tag: {@code delivered}, {@code retryable_failure} or {@code permanent_failure}. */
	public static final String TAG_OUTCOME = "outcome";

	/**
	 * Histogram bucket bounds for {@link #LATENCY}: a few ms (local hook) to a minute.
	 */
	static final Duration[] LATENCY_BUCKETS = Stream
		.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000)
		.map(Duration::ofMillis)
		.toArray(Duration[]::new);

	private final MeterRegistry registry;

	/**
	 * Registers the outbox depth gauge on {@code registry}, and the expired counter of
	 * every integration kind at 0: an alert rule on it needs the series before the first
	 * drop.
	 */
	public NotifyMetrics(MeterRegistry registry, OutboxQueue queue) {
		this.registry = registry;
		Gauge.builder(OUTBOX_DEPTH, queue, OutboxQueue::depth)
			.description("Notifications waiting in the outbox")
			.register(registry);
		for (IntegrationKind kind : IntegrationKind.values()) {
			expiredCounter(kind);
		}
	}

	/** Records one send attempt. */
	public void record(IntegrationKind kind, DeliveryResult.Outcome outcome, Duration latency) {
		Counter.builder(NOTIFICATIONS)
			.description("Notification send attempts by integration kind and outcome")
			.tag(TAG_INTEGRATION, kind.id())
			.tag(TAG_OUTCOME, outcome.tag())
			.register(registry)
			.increment();
		Timer.builder(LATENCY)
			.description("Time to send one notification")
			.tag(TAG_INTEGRATION, kind.id())
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.register(registry)
			.record(latency);
	}

	/** Counts a delivery dropped unsent because it was older than the maximum age. */
	public void expired(IntegrationKind kind) {
		expiredCounter(kind).increment();
	}

	private Counter expiredCounter(IntegrationKind kind) {
		return Counter.builder(EXPIRED)
			.description("Notifications dropped unsent because their receiver failed for longer than the maximum age")
			.tag(TAG_INTEGRATION, kind.id())
			.register(registry);
	}

	/** Counts a notification the receiver's rate limit held back. */
	public void rateLimited(String receiver, IntegrationKind kind) {
		rateLimitedCounter(receiver, kind.id()).increment();
	}

	/**
	 * Registers at 0 the rate-limited counter of every integration of every receiver with
	 * a {@code rate_limit}: an alert rule on its increase needs the series before the
	 * first notification is held.
	 */
	public void rateLimitsOf(AlertmanagerConfig config) {
		for (io.zgw.alerts.config.Receiver receiver : config.receivers().values()) {
			if (receiver.rateLimit() != null) {
				receiver.integrations()
					.forEach((integration) -> rateLimitedCounter(receiver.name(), integration.type()));
			}
		}
	}

	private Counter rateLimitedCounter(String receiver, String integration) {
		return Counter.builder(RATE_LIMITED)
			.description("Notifications held back by their receiver's rate_limit, tried again once the window allows")
			.tag(TAG_RECEIVER, receiver)
			.tag(TAG_INTEGRATION, integration)
			.register(registry);
	}

	/**
	 * Registers the in-flight gauge of one receiver integration (once; later calls find
	 * it), reading {@code sending}.
	 */
	public void sendsInFlight(String receiver, Integration integration, Supplier<Number> sending) {
		Gauge.builder(SENDS_IN_FLIGHT, sending)
			.description("Sends waiting for an answer, by receiver integration")
			.tag(TAG_RECEIVER, receiver)
			.tag(TAG_INTEGRATION, integration.kind().id())
			.tag(TAG_INDEX, Integer.toString(integration.index()))
			.register(registry);
	}

	/** Counts a template that failed and was rendered with its default. */
	public void templateError(IntegrationKind kind) {
		Counter.builder(TEMPLATE_ERRORS)
			.description("Receiver templates that failed and were rendered with their default")
			.tag(TAG_INTEGRATION, kind.id())
			.register(registry)
			.increment();
	}

}
