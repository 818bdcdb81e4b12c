package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the gateway with its delivery loop on (profile {@code it}) and checks that an
 * enqueued notification reaches a real receiver with metrics recorded. The context is
 * closed afterwards so its loop does not drain other tests' outbox rows.
 */
@SpringBootTest(properties = { "zgw.notify.poll-interval=100ms", "zgw.notify.worker-id=wiring-test" })
@ActiveProfiles("it")
@DirtiesContext
class NotifyWiringTest {

	@Autowired
	ReceiverNotifiers notifiers;

	@Autowired
	OutboxQueue outbox;

	@Autowired
	MeterRegistry registry;

	@Autowired
	DSLContext dsl;

	private final RecordingReceiver receiver = new RecordingReceiver();

	@AfterEach
	void stop() {
		receiver.close();
	}

	@Test
	void enqueuedNotificationIsDeliveredByTheRunningGateway() {
		dsl.deleteFrom(OUTBOX).execute();
		notifiers.replace(
				List.of(new Receiver("team", List.of(WebhookConfig.of(receiver.url("/am"))), List.of(), List.of())));
		Integration webhook = notifiers.forReceiver("team").get(0).integration();

		long id = outbox.enqueue(new Delivery("team", webhook, "{}:{alertname=\"Up\"}", "{\"version\":\"4\"}"));

		await().atMost(Duration.ofSeconds(10)).until(() -> outbox.depth() == 0);
		assertThat(receiver.acceptedBodies()).containsExactly("{\"version\":\"4\"}");
		assertThat(dsl.select(OUTBOX.CLAIMED_BY).from(OUTBOX).where(OUTBOX.ID.eq(id)).fetchOne().value1())
			.isEqualTo("wiring-test");
		assertThat(registry.get(NotifyMetrics.NOTIFICATIONS)
			.tag(NotifyMetrics.TAG_INTEGRATION, "webhook")
			.tag(NotifyMetrics.TAG_OUTCOME, "delivered")
			.counter()
			.count()).isEqualTo(1);
		assertThat(registry.get(NotifyMetrics.OUTBOX_DEPTH).gauge().value()).isZero();
	}

}
