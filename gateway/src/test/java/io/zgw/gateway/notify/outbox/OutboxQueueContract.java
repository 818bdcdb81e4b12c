package io.zgw.gateway.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.testsupport.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OutboxQueueContract is the behaviour every {@link OutboxQueue} must show; each
 * implementation's test extends it.
 */
abstract class OutboxQueueContract {

	static final Duration LEASE = Duration.ofSeconds(30);

	static final Integration WEBHOOK_0 = new Integration(IntegrationKind.WEBHOOK, 0);

	static final Integration WEBHOOK_1 = new Integration(IntegrationKind.WEBHOOK, 1);

	final ManualClock clock = ManualClock.atSomeMoment();

	OutboxQueue queue;

	/** An empty queue on {@code clock}. */
	abstract OutboxQueue newQueue(ManualClock clock);

	@BeforeEach
	void createQueue() {
		queue = newQueue(clock);
	}

	static Delivery delivery(String group, Integration integration, String payload) {
		return new Delivery("team", integration, group, payload);
	}

	private List<String> payloads(List<OutboxEntry> entries) {
		return entries.stream().map((e) -> e.delivery().payload()).toList();
	}

	@Test
	void claimHandsOutOnlyTheOldestPendingDeliveryOfEachChainInEnqueueOrder() {
		queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		queue.enqueue(delivery("B", WEBHOOK_0, "b1"));
		queue.enqueue(delivery("A", WEBHOOK_1, "a1-second-hook"));

		assertThat(payloads(queue.claim("w1", 10, LEASE))).containsExactly("a1", "b1", "a1-second-hook");
	}

	@Test
	void claimedDeliveryRoundTripsEveryField() {
		String payload = "{\"text\":\"Diskfüllstand 97 % – ☃\"}";
		String groupKey = "{}/{severity=\"page\"}:{alertname=\"DiskFull\", business_line=\"pay\"}";
		// Milliseconds included: Connector/J drops them on MariaDB unless sent as text.
		clock.advance(Duration.ofMillis(123));
		long id = queue.enqueue(new Delivery("pay-oncall", WEBHOOK_1, groupKey, payload));

		OutboxEntry entry = queue.claim("w1", 10, LEASE).get(0);
		assertThat(entry.id()).isEqualTo(id);
		assertThat(entry.delivery()).isEqualTo(new Delivery("pay-oncall", WEBHOOK_1, groupKey, payload));
		assertThat(entry.createdAt()).isEqualTo(clock.instant());
		assertThat(entry.attempts()).isEqualTo(1);
	}

	@Test
	void leasedHeadKeepsTheRestOfItsChainFromOtherWorkers() {
		queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		assertThat(payloads(queue.claim("w1", 10, LEASE))).containsExactly("a1");
		assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
		assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
	}

	@Test
	void deliveredHeadReleasesTheNextDeliveryOfItsChain() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		queue.claim("w1", 10, LEASE);
		assertThat(queue.markDelivered(a1, "w1")).isTrue();
		assertThat(payloads(queue.claim("w2", 10, LEASE))).containsExactly("a2");
		assertThat(queue.depth()).isEqualTo(1);
	}

	@Test
	void permanentlyFailedHeadReleasesTheNextDeliveryAndLeavesTheDepth() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		queue.claim("w1", 10, LEASE);
		assertThat(queue.markFailed(a1, "w1", "unexpected status code 400")).isTrue();
		assertThat(queue.depth()).isEqualTo(1);
		assertThat(payloads(queue.claim("w1", 10, LEASE))).containsExactly("a2");
	}

	@Test
	void retriedDeliveryIsNotDueBeforeItsNextAttemptAndStillBlocksItsChain() {
		clock.advance(Duration.ofMillis(250));
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		queue.claim("w1", 10, LEASE);
		assertThat(queue.markRetry(a1, "w1", clock.instant().plusSeconds(4), "503")).isTrue();

		clock.advance(Duration.ofMillis(3999));
		assertThat(queue.claim("w1", 10, LEASE)).isEmpty();
		clock.advance(Duration.ofMillis(1));
		List<OutboxEntry> again = queue.claim("w2", 10, LEASE);
		assertThat(payloads(again)).containsExactly("a1");
		assertThat(again.get(0).attempts()).isEqualTo(2);
	}

	@Test
	void expiredLeaseLetsAnotherWorkerTakeOverAndFencesTheFirst() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.claim("w1", 10, LEASE);
		clock.advance(LEASE.minusMillis(1));
		assertThat(queue.claim("w2", 10, LEASE)).isEmpty();
		clock.advance(Duration.ofMillis(1));
		assertThat(payloads(queue.claim("w2", 10, LEASE))).containsExactly("a1");

		assertThat(queue.markDelivered(a1, "w1")).as("w1 lost its lease").isFalse();
		assertThat(queue.markDelivered(a1, "w2")).isTrue();
		assertThat(queue.depth()).isZero();
	}

	@Test
	void purgeDeletesOnlyFinishedDeliveriesOlderThanTheCutoff() {
		long delivered = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		long failed = queue.enqueue(delivery("B", WEBHOOK_0, "b1"));
		queue.enqueue(delivery("C", WEBHOOK_0, "c1-pending"));
		queue.claim("w1", 2, LEASE);
		queue.markDelivered(delivered, "w1");
		queue.markFailed(failed, "w1", "400");
		clock.advance(Duration.ofDays(8));
		long recent = queue.enqueue(delivery("D", WEBHOOK_0, "d1"));
		queue.claim("w1", 10, LEASE);
		queue.markDelivered(recent, "w1");

		Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
		assertThat(queue.purgeFinishedBefore(weekAgo, 1)).as("at most the limit").isEqualTo(1);
		assertThat(queue.purgeFinishedBefore(weekAgo, 10)).isEqualTo(1);
		assertThat(queue.purgeFinishedBefore(weekAgo, 10)).isZero();
		assertThat(queue.purgeFinishedBefore(clock.instant().plusSeconds(1), 10)).as("d1, just delivered").isEqualTo(1);
		assertThat(queue.depth()).as("c1 is pending and never purged").isEqualTo(1);
		clock.advance(LEASE);
		assertThat(payloads(queue.claim("w2", 10, LEASE))).containsExactly("c1-pending");
	}

	@Test
	void claimTakesAtMostTheLimitOldestFirst() {
		for (int g = 0; g < 5; g++) {
			queue.enqueue(delivery("G" + g, WEBHOOK_0, "g" + g));
		}
		assertThat(payloads(queue.claim("w1", 2, LEASE))).containsExactly("g0", "g1");
		assertThat(payloads(queue.claim("w2", 10, LEASE))).containsExactly("g2", "g3", "g4");
	}

}
