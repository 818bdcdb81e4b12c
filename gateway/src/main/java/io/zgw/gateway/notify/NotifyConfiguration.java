package io.zgw.gateway.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * NotifyConfiguration wires the outbox, the receivers' notifiers and the delivery worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

	@Bean
	JooqOutboxQueue outboxQueue(DSLContext dsl, DataSource dataSource, ObjectProvider<Clock> clock) {
		return new JooqOutboxQueue(dsl, dataSource, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	ReceiverNotifiers receiverNotifiers(NotifyProperties properties, JsonMapper json) {
		JsonPoster poster = new JsonPoster(JsonPoster.newClient(properties.timeout()));
		return new ReceiverNotifiers(poster, json, properties.timeout());
	}

	@Bean
	OutboxNotifier outboxNotifier(OutboxQueue queue, NotifyProperties properties, NotifyMetrics metrics) {
		return new OutboxNotifier(queue, properties.externalUrl(), metrics);
	}

	@Bean
	NotifyMetrics notifyMetrics(MeterRegistry registry, OutboxQueue queue) {
		return new NotifyMetrics(registry, queue);
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService notifySendExecutor(NotifyProperties properties) {
		AtomicInteger n = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.concurrency(), (r) -> {
			Thread t = new Thread(r, "zgw-notify-send-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@Bean
	DeliveryWorker deliveryWorker(NotifyProperties properties, OutboxQueue queue, ReceiverNotifiers notifiers,
			NotifyMetrics metrics, ExecutorService notifySendExecutor, ObjectProvider<Clock> clock) {
		String workerId = (properties.workerId() != null) ? properties.workerId() : defaultWorkerId();
		return new DeliveryWorker(queue, notifiers, properties.retry().toBackoff(), metrics,
				clock.getIfAvailable(Clock::systemUTC), workerId, properties.batchSize(), properties.concurrency(),
				properties.concurrencyPerIntegration(), properties.lease(), properties.maxAge(), notifySendExecutor);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "zgw.notify.enabled", matchIfMissing = true)
	DeliveryLoop deliveryLoop(DeliveryWorker worker, NotifyProperties properties) {
		return new DeliveryLoop(worker, properties.pollInterval());
	}

	private static String defaultWorkerId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "zgw";
		}
		String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return (id.length() <= 100) ? id : id.substring(id.length() - 100);
	}

}
