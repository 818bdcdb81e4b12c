package io.zgw.gateway.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.outbox.InMemoryOutboxQueue;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DeliveryWorkerTest {

	static final String TOKEN = "tok-7f3a9c-very-secret";

	static final Integration WEBHOOK_0 = new Integration(IntegrationKind.WEBHOOK, 0);

	private final ManualClock clock = ManualClock.atSomeMoment();

	private final InMemoryOutboxQueue queue = new InMemoryOutboxQueue(clock);

	private final RecordingReceiver receiver = new RecordingReceiver();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final ExecutorService sendPool = Executors.newFixedThreadPool(4);

	private final DeliveryWorker worker = newWorker(queue, notifiersFor(receiver), registry, clock, "w1", sendPool);

	@AfterEach
	void stop() {
		receiver.close();
		sendPool.shutdownNow();
	}

	/** Notifiers with receiver "team" posting to {@code receiver} with a bearer token. */
	static ReceiverNotifiers notifiersFor(RecordingReceiver receiver) {
		ReceiverNotifiers notifiers = new ReceiverNotifiers(new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(2));
		WebhookConfig hook = new WebhookConfig(true, new Secret(receiver.url("/hook")), 0, null,
				HttpConfig.bearer(TOKEN));
		notifiers.replace(List.of(new Receiver("team", List.of(hook), List.of(), List.of())));
		return notifiers;
	}

	/** A worker with the default backoff and no jitter, so waits are exact. */
	static DeliveryWorker newWorker(io.zgw.gateway.notify.outbox.OutboxQueue queue, Notifiers notifiers,
			MeterRegistry registry, ManualClock clock, String id, ExecutorService pool) {
		return newWorker(queue, notifiers, registry, clock, id, pool, 10, 10, Duration.ZERO);
	}

	static DeliveryWorker newWorker(io.zgw.gateway.notify.outbox.OutboxQueue queue, Notifiers notifiers,
			MeterRegistry registry, ManualClock clock, String id, ExecutorService pool, int concurrency,
			int perIntegration, Duration maxAge) {
		Backoff backoff = new Backoff(Backoff.DEFAULT_INITIAL, Backoff.DEFAULT_MAX, Backoff.DEFAULT_MULTIPLIER, 0.2,
				() -> 0.0);
		return new DeliveryWorker(queue, notifiers, backoff, new NotifyMetrics(registry, queue), clock, id, 10,
				concurrency, perIntegration, Duration.ofMinutes(1), maxAge, pool);
	}

	static Delivery delivery(String group, int seq) {
		return new Delivery("team", WEBHOOK_0, group, "{\"group\":\"" + group + "\",\"seq\":" + seq + "}");
	}

	private double count(Outcome outcome) {
		return registry.get(NotifyMetrics.NOTIFICATIONS)
			.tag(NotifyMetrics.TAG_INTEGRATION, "webhook")
			.tag(NotifyMetrics.TAG_OUTCOME, outcome.tag())
			.counter()
			.count();
	}

	@Test
	void receiverThatWasDownGetsEveryNotificationInOrderWithinEachGroup() {
		receiver.down();
		for (int seq = 1; seq <= 3; seq++) {
			queue.enqueue(delivery("A", seq));
		}
		queue.enqueue(delivery("B", 1));
		queue.enqueue(delivery("B", 2));

		assertThat(worker.runOnce()).as("only each group's head is tried").isEqualTo(2);
		assertThat(worker.runOnce()).as("nothing is due before the 1s backoff").isZero();
		clock.advance(Duration.ofSeconds(1));
		assertThat(worker.runOnce()).isEqualTo(2);
		clock.advance(Duration.ofMillis(1999));
		assertThat(worker.runOnce()).as("second wait is 2s").isZero();
		clock.advance(Duration.ofMillis(1));
		assertThat(worker.runOnce()).isEqualTo(2);

		receiver.up();
		receiver.answerWith(503);
		clock.advance(Duration.ofSeconds(4));
		assertThat(worker.runOnce()).isEqualTo(2);
		assertThat(receiver.received()).hasSize(2).allMatch((r) -> r.answeredWith() == 503);

		receiver.answerWith(200);
		clock.advance(Duration.ofSeconds(8));
		for (int round = 0; round < 10 && queue.depth() > 0; round++) {
			worker.runOnce();
		}

		assertThat(queue.depth()).isZero();
		List<String> accepted = receiver.acceptedBodies();
		assertThat(accepted.stream().filter((b) -> b.contains("\"A\""))).containsExactly(delivery("A", 1).payload(),
				delivery("A", 2).payload(), delivery("A", 3).payload());
		assertThat(accepted.stream().filter((b) -> b.contains("\"B\""))).containsExactly(delivery("B", 1).payload(),
				delivery("B", 2).payload());
		assertThat(count(Outcome.DELIVERED)).isEqualTo(5);
		assertThat(count(Outcome.RETRYABLE_FAILURE)).isEqualTo(8);
		assertThat(registry.get(NotifyMetrics.LATENCY).tag(NotifyMetrics.TAG_INTEGRATION, "webhook").timer().count())
			.isEqualTo(13);
	}

	@Test
	void badRequestFailsPermanentlyIsNotRetriedAndTheGroupMovesOn() {
		receiver.answerWith(400, "text/plain", "bad payload");
		long first = queue.enqueue(delivery("A", 1));
		queue.enqueue(delivery("A", 2));

		assertThat(worker.runOnce()).isEqualTo(1);
		assertThat(queue.lastError(first)).isEqualTo("unexpected status code 400: bad payload");
		receiver.answerWith(200);
		clock.advance(Duration.ofHours(1));
		for (int round = 0; round < 5; round++) {
			worker.runOnce();
		}

		assertThat(receiver.received()).extracting(RecordingReceiver.Received::body)
			.containsExactly(delivery("A", 1).payload(), delivery("A", 2).payload());
		assertThat(queue.depth()).isZero();
		assertThat(count(Outcome.PERMANENT_FAILURE)).isEqualTo(1);
		assertThat(count(Outcome.DELIVERED)).isEqualTo(1);
	}

	@Test
	void notificationsOlderThanTheMaximumAgeAreDroppedUnsentAndCountedWhileYoungerOnesGoOut() {
		DeliveryWorker aging = newWorker(queue, notifiersFor(receiver), registry, clock, "w2", sendPool, 10, 10,
				Duration.ofHours(1));
		receiver.down();
		long stale = queue.enqueue(delivery("A", 1));
		long staleToo = queue.enqueue(delivery("A", 2));
		assertThat(aging.runOnce()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(50));
		long fresh = queue.enqueue(delivery("A", 3));
		long otherGroup = queue.enqueue(delivery("B", 1));
		clock.advance(Duration.ofMinutes(15));
		receiver.up();
		for (int round = 0; round < 5 && queue.depth() > 0; round++) {
			aging.runOnce();
		}

		assertThat(queue.depth()).isZero();
		assertThat(receiver.acceptedBodies()).as("the two older than an hour are not sent")
			.containsExactlyInAnyOrder(delivery("A", 3).payload(), delivery("B", 1).payload());
		assertThat(queue.lastError(stale)).startsWith("expired: not delivered within zgw.notify.max-age (PT1H)");
		assertThat(queue.lastError(staleToo)).startsWith("expired: ");
		assertThat(queue.lastError(fresh)).isNull();
		assertThat(queue.lastError(otherGroup)).isNull();
		assertThat(registry.get(NotifyMetrics.EXPIRED).tag(NotifyMetrics.TAG_INTEGRATION, "webhook").counter().count())
			.isEqualTo(2);
		assertThat(count(Outcome.RETRYABLE_FAILURE)).as("attempts on the receiver while down").isEqualTo(1);
	}

	@Test
	void deliveryForAReceiverNoLongerConfiguredIsRetriedForAMinuteThenFailsPermanently() {
		long id = queue.enqueue(new Delivery("gone", WEBHOOK_0, "A", "{}"));
		assertThat(worker.runOnce()).isEqualTo(1);
		assertThat(queue.depth()).as("left for a replica that knows the receiver").isOne();
		String error = "receiver 'gone' has no integration webhook[0] in the current configuration";
		assertThat(queue.lastError(id)).isEqualTo(error);
		clock.advance(DeliveryWorker.UNKNOWN_RECEIVER_GRACE);
		for (int round = 0; round < 10 && queue.depth() > 0; round++) {
			worker.runOnce();
		}
		assertThat(queue.depth()).isZero();
		assertThat(queue.lastError(id)).isEqualTo(error);
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void aReplicaThatHasNotReloadedYetLeavesANewReceiversRowForLater() {
		// Another replica's dispatcher, on the new routing file, enqueued for "late";
		// this
		// replica's file does not have it yet. It failed such rows permanently: the page
		// was lost, though the dispatcher had logged it as sent.
		ReceiverNotifiers stale = notifiersFor(receiver);
		DeliveryWorker replica = newWorker(queue, stale, registry, clock, "w2", sendPool);
		queue.enqueue(new Delivery("late", WEBHOOK_0, "A", "{\"late\":1}"));
		assertThat(replica.runOnce()).isEqualTo(1);
		assertThat(queue.depth()).isOne();
		WebhookConfig hook = new WebhookConfig(true, new Secret(receiver.url("/hook")), 0, null,
				HttpConfig.bearer(TOKEN));
		stale.replace(List.of(new Receiver("late", List.of(hook), List.of(), List.of())));
		clock.advance(Duration.ofSeconds(1));
		assertThat(replica.runOnce()).isEqualTo(1);
		assertThat(queue.depth()).isZero();
		assertThat(receiver.acceptedBodies()).containsExactly("{\"late\":1}");
	}

	@Test
	void bearerTokenIsSentButNeverLoggedOrStored(CapturedOutput output) {
		long first = queue.enqueue(delivery("A", 1));
		long second = queue.enqueue(delivery("B", 1));
		receiver.down();
		worker.runOnce();
		receiver.up();
		receiver.answerWith(400, "text/plain", "bad request");
		clock.advance(Duration.ofSeconds(1));
		worker.runOnce();

		assertThat(receiver.received()).hasSize(2).allMatch((r) -> ("Bearer " + TOKEN).equals(r.authorization()));
		assertThat(output.getAll()).contains("retrying at").contains("failed permanently").doesNotContain(TOKEN);
		assertThat(queue.lastError(first)).isEqualTo("unexpected status code 400: bad request");
		assertThat(queue.lastError(second)).doesNotContain(TOKEN);
	}

	@Test
	void nothingIsClaimedUntilReceiversAreLoadedSoRowsFromBeforeARestartSurvive() {
		ReceiverNotifiers notLoadedYet = new ReceiverNotifiers(
				new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))), JsonMapper.builder().build(),
				Duration.ofSeconds(2));
		DeliveryWorker early = newWorker(queue, notLoadedYet, new SimpleMeterRegistry(), clock, "w2", sendPool);
		queue.enqueue(delivery("A", 1));

		assertThat(early.runOnce()).isZero();
		assertThat(queue.depth()).isEqualTo(1);
		notLoadedYet.replace(
				List.of(new Receiver("team", List.of(WebhookConfig.of(receiver.url("/hook"))), List.of(), List.of())));
		assertThat(early.runOnce()).isEqualTo(1);
		assertThat(receiver.acceptedBodies()).containsExactly(delivery("A", 1).payload());
	}

	private double inFlight(String receiver) {
		return registry.get(NotifyMetrics.SENDS_IN_FLIGHT)
			.tag(NotifyMetrics.TAG_RECEIVER, receiver)
			.tag(NotifyMetrics.TAG_INTEGRATION, "webhook")
			.tag(NotifyMetrics.TAG_INDEX, "0")
			.gauge()
			.value();
	}

	// Receivers "team", posting to the recording receiver, and "silent", posting to a
	// socket that accepts connections (the kernel's backlog) and never answers.
	private ReceiverNotifiers teamAndSilent(ServerSocket silent) {
		ReceiverNotifiers notifiers = new ReceiverNotifiers(new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))),
				JsonMapper.builder().build(), Duration.ofSeconds(60));
		notifiers.replace(
				List.of(new Receiver("team", List.of(WebhookConfig.of(receiver.url("/hook"))), List.of(), List.of()),
						new Receiver("silent",
								List.of(WebhookConfig.of("http://127.0.0.1:" + silent.getLocalPort() + "/")), List.of(),
								List.of())));
		return notifiers;
	}

	@Test
	void aSendThatHangsHoldsOnlyItsOwnSlotWhileTheOthersKeepDelivering() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			ReceiverNotifiers notifiers = teamAndSilent(silent);
			DeliveryWorker twoSlots = newWorker(queue, notifiers, registry, clock, "w3", sendPool, 2, 2, Duration.ZERO);
			long hanging = queue.enqueue(new Delivery("silent", WEBHOOK_0, "S", "{}"));
			// More rows than one claim takes (10): none waits for the hanging send.
			List<String> payloads = new ArrayList<>();
			for (int group = 1; group <= 12; group++) {
				payloads.add(delivery("G" + group, 1).payload());
				queue.enqueue(delivery("G" + group, 1));
			}
			DeliveryLoop loop = new DeliveryLoop(twoSlots, Duration.ofHours(1));
			loop.start();
			try {
				assertThat(receiver.awaitMatching(12, (r) -> true, Duration.ofSeconds(20)))
					.extracting(RecordingReceiver.Received::body)
					.containsExactlyInAnyOrderElementsOf(payloads);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(queue.depth()).as("only the hanging send is pending").isEqualTo(1));
				assertThat(queue.lastError(hanging)).as("its answer is still awaited").isNull();
			}
			finally {
				loop.stop();
			}
		}
	}

	@Test
	void aReceiverThatHangsHoldsNoMoreThanItsShareOfTheSlots() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			ReceiverNotifiers notifiers = teamAndSilent(silent);
			// Four slots, two of them at most for one integration: the storm for the
			// silent receiver, enqueued first, cannot take the slots team's pages need.
			DeliveryWorker shared = newWorker(queue, notifiers, registry, clock, "w3", sendPool, 4, 2, Duration.ZERO);
			for (int group = 1; group <= 6; group++) {
				queue.enqueue(new Delivery("silent", WEBHOOK_0, "S" + group, "{}"));
			}
			List<String> payloads = new ArrayList<>();
			for (int group = 1; group <= 3; group++) {
				payloads.add(delivery("G" + group, 1).payload());
				queue.enqueue(delivery("G" + group, 1));
			}
			DeliveryLoop loop = new DeliveryLoop(shared, Duration.ofHours(1));
			loop.start();
			try {
				assertThat(receiver.awaitMatching(3, (r) -> true, Duration.ofSeconds(20)))
					.extracting(RecordingReceiver.Received::body)
					.containsExactlyInAnyOrderElementsOf(payloads);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(queue.depth()).as("the silent receiver's six").isEqualTo(6));
				assertThat(inFlight("silent")).isEqualTo(2);
				assertThat(inFlight("team")).isZero();
			}
			finally {
				loop.stop();
			}
		}
	}

	@Test
	void stoppingTheLoopRecordsTheSendsStillInFlight() throws Exception {
		CountDownLatch answering = new CountDownLatch(1);
		receiver.answerBy((n) -> {
			answering.countDown();
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 200;
		});
		queue.enqueue(delivery("A", 1));
		DeliveryLoop loop = new DeliveryLoop(worker, Duration.ofHours(1));
		loop.start();
		assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

		loop.stop();

		assertThat(queue.depth()).as("sent before the loop stopped, and recorded").isZero();
		assertThat(count(Outcome.DELIVERED)).isEqualTo(1);
	}

	@Test
	void outboxDepthGaugeCountsPendingDeliveries() {
		receiver.down();
		queue.enqueue(delivery("A", 1));
		queue.enqueue(delivery("A", 2));
		worker.runOnce();
		assertThat(registry.get(NotifyMetrics.OUTBOX_DEPTH).gauge().value()).isEqualTo(2);
		receiver.up();
		clock.advance(Duration.ofSeconds(1));
		worker.runUntilIdle();
		worker.runUntilIdle();
		assertThat(registry.get(NotifyMetrics.OUTBOX_DEPTH).gauge().value()).isZero();
	}

}
