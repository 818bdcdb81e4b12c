package io.zgw.gateway.notify;

import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.outbox.InMemoryOutboxQueue;
import io.zgw.gateway.testsupport.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyMetricsTest {

	@Test
	void prometheusScrapeShowsTheDocumentedNames() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		InMemoryOutboxQueue queue = new InMemoryOutboxQueue(ManualClock.atSomeMoment());
		queue.enqueue(new Delivery("team", new Integration(IntegrationKind.SLACK, 0), "g", "{}"));
		NotifyMetrics metrics = new NotifyMetrics(registry, queue);

		metrics.record(IntegrationKind.SLACK, Outcome.DELIVERED, Duration.ofMillis(42));
		metrics.record(IntegrationKind.EMAIL, Outcome.RETRYABLE_FAILURE, Duration.ofSeconds(2));

		String scrape = registry.scrape();
		assertThat(scrape).contains("zgw_notifications_total{integration=\"slack\",outcome=\"delivered\"} 1.0")
			.contains("zgw_notifications_total{integration=\"email\",outcome=\"retryable_failure\"} 1.0")
			.contains("zgw_notification_latency_seconds_bucket{integration=\"slack\",le=\"0.025\"} 0")
			.contains("zgw_notification_latency_seconds_bucket{integration=\"slack\",le=\"0.05\"} 1")
			.contains("zgw_notification_latency_seconds_count{integration=\"email\"} 1")
			.contains("zgw_notification_outbox_depth 1.0");
	}

}
