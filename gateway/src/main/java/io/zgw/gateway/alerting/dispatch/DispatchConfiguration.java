package io.zgw.gateway.alerting.dispatch;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertCommits;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.notify.DeliveryLoop;
import io.zgw.gateway.notify.DeliveryWorker;
import io.zgw.gateway.notify.OutboxNotifier;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import org.jooq.DSLContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DispatchConfiguration wires the {@link DispatchService}: MySQL notification log,
 * silences from the store, the outbox notifier, the dispatch lease, and the feed of
 * committed alerts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchConfiguration {

	/** Name of the lease row the replicas compete for. */
	static final String LEASE_NAME = "dispatcher";

	// Closed (its pool) when the context closes.
	@Bean
	OutboxFlush dispatchOutboxFlush(DataSource dataSource, OutboxNotifier notifier, JooqOutboxQueue outbox) {
		return new OutboxFlush(dataSource, notifier::toDelivery, notifier::rateLimited, outbox);
	}

	@Bean
	DispatchService dispatchService(RoutingFile routing, AlertReader reader, SilenceStore silences, DSLContext dsl,
			OutboxFlush outboxFlush, ObjectProvider<DeliveryLoop> deliveryLoop, ObjectProvider<Clock> clock,
			DispatchProperties properties, AlertCommits commits, DeliveryWorker deliveryWorker, MeterRegistry meters) {
		String holder = (properties.holderId() != null) ? properties.holderId() : deliveryWorker.workerId();
		StoredSilencer silencer = new StoredSilencer(silences, routing, properties.silenceRefresh());
		DispatchService service = new DispatchService(routing, reader, silencer, new JdbcNotificationLog(dsl),
				outboxFlush, (sent) -> deliveryLoop.ifAvailable(DeliveryLoop::nudge),
				new DispatchLease(dsl, LEASE_NAME, holder, properties.leaseTtl()), commits.writer(),
				clock.getIfAvailable(Clock::systemUTC), properties, meters);
		commits.subscribe(service::received);
		Gauge.builder(DispatchMetrics.LEADER, service, (s) -> s.leader() ? 1 : 0).register(meters);
		Gauge.builder(DispatchMetrics.UNRESOLVED_SILENCE_SCHEDULES, silencer, StoredSilencer::unresolvedSchedules)
			.register(meters);
		return service;
	}

}
