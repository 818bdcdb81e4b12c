package io.zgw.gateway.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

	// For claims whose deliveries the test reads from the result.
	static final Consumer<List<OutboxEntry>> IGNORED = (leased) -> {
	};

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

	/** A claim of up to {@code rows} deliveries, oldest first, with nothing in flight. */
	static Claim rows(int rows) {
		return new Claim(rows, Map.of(), Integer.MAX_VALUE);
	}

	/** Claims without recording anything. */
	static List<OutboxEntry> claim(OutboxQueue queue, String workerId, int limit) {
		return queue.settleAndClaim(workerId, List.of(), rows(limit), LEASE, IGNORED).entries();
	}

	/** Records one ended attempt, claiming nothing; false when it was not recorded. */
	static boolean record(OutboxQueue queue, String workerId, AttemptEnd end) {
		Claimed claimed = queue.settleAndClaim(workerId, List.of(end), rows(0), LEASE, IGNORED);
		assertThat(claimed.entries()).isEmpty();
		return claimed.notHeld().isEmpty();
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

		assertThat(payloads(claim(queue, "w1", 10))).containsExactly("a1", "b1", "a1-second-hook");
	}

	@Test
	void claimedDeliveryRoundTripsEveryField() {
		String payload = "{\"text\":\"Diskfüllstand 97 % – ☃\"}";
		String groupKey = "{}/{severity=\"page\"}:{alertname=\"DiskFull\", business_line=\"pay\"}";
		// Milliseconds included: Connector/J drops them on MariaDB unless sent as text.
		clock.advance(Duration.ofMillis(123));
		long id = queue.enqueue(new Delivery("pay-oncall", WEBHOOK_1, groupKey, payload));

		OutboxEntry entry = claim(queue, "w1", 10).get(0);
		assertThat(entry.id()).isEqualTo(id);
		assertThat(entry.delivery()).isEqualTo(new Delivery("pay-oncall", WEBHOOK_1, groupKey, payload));
		assertThat(entry.createdAt()).isEqualTo(clock.instant());
		assertThat(entry.attempts()).isEqualTo(1);
	}

	@Test
	void leasedHeadKeepsTheRestOfItsChainFromOtherWorkers() {
		queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		assertThat(payloads(claim(queue, "w1", 10))).containsExactly("a1");
		assertThat(claim(queue, "w2", 10)).isEmpty();
		assertThat(claim(queue, "w1", 10)).isEmpty();
	}

	@Test
	void deliveredHeadReleasesTheNextDeliveryOfItsChain() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		claim(queue, "w1", 10);
		assertThat(record(queue, "w1", AttemptEnd.delivered(a1))).isTrue();
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("a2");
		assertThat(queue.depth()).isEqualTo(1);
	}

	@Test
	void permanentlyFailedHeadReleasesTheNextDeliveryAndLeavesTheDepth() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		claim(queue, "w1", 10);
		assertThat(record(queue, "w1", AttemptEnd.failed(a1, "unexpected status code 400"))).isTrue();
		assertThat(queue.depth()).isEqualTo(1);
		assertThat(payloads(claim(queue, "w1", 10))).containsExactly("a2");
	}

	@Test
	void retriedDeliveryIsNotDueBeforeItsNextAttemptAndStillBlocksItsChain() {
		clock.advance(Duration.ofMillis(250));
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		claim(queue, "w1", 10);
		assertThat(record(queue, "w1", AttemptEnd.retry(a1, clock.instant().plusSeconds(4), "503"))).isTrue();

		clock.advance(Duration.ofMillis(3999));
		assertThat(claim(queue, "w1", 10)).isEmpty();
		clock.advance(Duration.ofMillis(1));
		List<OutboxEntry> again = claim(queue, "w2", 10);
		assertThat(payloads(again)).containsExactly("a1");
		assertThat(again.get(0).attempts()).isEqualTo(2);
	}

	@Test
	void expiredLeaseLetsAnotherWorkerTakeOverAndFencesTheFirst() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		claim(queue, "w1", 10);
		clock.advance(LEASE.minusMillis(1));
		assertThat(claim(queue, "w2", 10)).isEmpty();
		clock.advance(Duration.ofMillis(1));
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("a1");

		assertThat(record(queue, "w1", AttemptEnd.delivered(a1))).as("w1 lost its lease").isFalse();
		assertThat(record(queue, "w2", AttemptEnd.delivered(a1))).isTrue();
		assertThat(queue.depth()).isZero();
	}

	@Test
	void purgeDeletesOnlyFinishedDeliveriesOlderThanTheCutoff() {
		long delivered = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		long failed = queue.enqueue(delivery("B", WEBHOOK_0, "b1"));
		queue.enqueue(delivery("C", WEBHOOK_0, "c1-pending"));
		claim(queue, "w1", 2);
		record(queue, "w1", AttemptEnd.delivered(delivered));
		record(queue, "w1", AttemptEnd.failed(failed, "400"));
		clock.advance(Duration.ofDays(8));
		long recent = queue.enqueue(delivery("D", WEBHOOK_0, "d1"));
		claim(queue, "w1", 10);
		record(queue, "w1", AttemptEnd.delivered(recent));

		Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
		assertThat(queue.purgeFinishedBefore(weekAgo, 1)).as("at most the limit").isEqualTo(1);
		assertThat(queue.purgeFinishedBefore(weekAgo, 10)).isEqualTo(1);
		assertThat(queue.purgeFinishedBefore(weekAgo, 10)).isZero();
		assertThat(queue.purgeFinishedBefore(clock.instant().plusSeconds(1), 10)).as("d1, just delivered").isEqualTo(1);
		assertThat(queue.depth()).as("c1 is pending and never purged").isEqualTo(1);
		clock.advance(LEASE);
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("c1-pending");
	}

	@Test
	void claimTakesAtMostTheLimitOldestFirst() {
		for (int g = 0; g < 5; g++) {
			queue.enqueue(delivery("G" + g, WEBHOOK_0, "g" + g));
		}
		assertThat(payloads(claim(queue, "w1", 2))).containsExactly("g0", "g1");
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("g2", "g3", "g4");
	}

	@Test
	void attemptsRecordedWithAClaimReleaseTheirChainsNextDeliveryInTheSameCall() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		queue.enqueue(delivery("A", WEBHOOK_0, "a2"));
		long b1 = queue.enqueue(delivery("B", WEBHOOK_0, "b1"));
		queue.enqueue(delivery("B", WEBHOOK_0, "b2"));
		long c1 = queue.enqueue(delivery("C", WEBHOOK_0, "c1"));
		queue.enqueue(delivery("C", WEBHOOK_0, "c2"));
		claim(queue, "w1", 10);
		clock.advance(Duration.ofMillis(5));

		Claimed claimed = queue.settleAndClaim("w1", List.of(AttemptEnd.delivered(a1),
				AttemptEnd.retry(b1, clock.instant().plusSeconds(2), "503"), AttemptEnd.failed(c1, "400")), rows(10),
				LEASE, IGNORED);

		assertThat(claimed.notHeld()).isEmpty();
		assertThat(payloads(claimed.entries())).as("b1 waits for its retry and holds b2 back")
			.containsExactly("a2", "c2");
		assertThat(queue.depth()).as("b1, a2, b2 and c2").isEqualTo(4);
		clock.advance(Duration.ofSeconds(2));
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("b1");
	}

	@Test
	void attemptsNoLongerHeldAreReportedAndTheClaimStillRuns() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		claim(queue, "w1", 10);
		clock.advance(LEASE);
		assertThat(payloads(claim(queue, "w2", 10))).containsExactly("a1");
		queue.enqueue(delivery("B", WEBHOOK_0, "b1"));

		Claimed claimed = queue.settleAndClaim("w1", List.of(AttemptEnd.delivered(a1)), rows(10), LEASE, IGNORED);

		assertThat(claimed.notHeld()).containsExactly(a1);
		assertThat(payloads(claimed.entries())).containsExactly("b1");
		assertThat(queue.depth()).as("a1 is still w2's").isEqualTo(2);
	}

	@Test
	void integrationsWithFewerSendsInFlightGoFirst() {
		for (int g = 0; g < 4; g++) {
			queue.enqueue(new Delivery("storm", WEBHOOK_0, "S" + g, "s" + g));
		}
		queue.enqueue(new Delivery("pager", WEBHOOK_0, "P", "p"));
		queue.enqueue(new Delivery("storm", WEBHOOK_1, "S0", "s0-second-hook"));
		Destination storm = new Destination("storm", WEBHOOK_0.toString());

		Claimed claimed = queue.settleAndClaim("w1", List.of(), new Claim(3, Map.of(storm, 3), 16), LEASE, IGNORED);

		assertThat(payloads(claimed.entries())).as("the idle integrations' oldest, then the busy one's")
			.containsExactly("p", "s0-second-hook", "s0");
		assertThat(claimed.heldBack()).isZero();
	}

	@Test
	void noIntegrationIsGivenMoreThanItsShareOfSends() {
		for (int g = 0; g < 5; g++) {
			queue.enqueue(new Delivery("storm", WEBHOOK_0, "S" + g, "s" + g));
		}
		queue.enqueue(new Delivery("pager", WEBHOOK_0, "P", "p"));
		Destination storm = new Destination("storm", WEBHOOK_0.toString());

		Claimed claimed = queue.settleAndClaim("w1", List.of(), new Claim(4, Map.of(storm, 1), 2), LEASE, IGNORED);

		assertThat(payloads(claimed.entries())).containsExactly("p", "s0");
		assertThat(claimed.heldBack()).as("s1 and s2 were found and left").isEqualTo(2);
		assertThat(claim(queue, "w2", 10)).as("left unleased").hasSize(4);
	}

	@Test
	void anIntegrationWithItsShareInFlightIsNotClaimedFrom() {
		queue.enqueue(new Delivery("storm", WEBHOOK_0, "S0", "s0"));
		queue.enqueue(new Delivery("pager", WEBHOOK_0, "P", "p"));
		Destination storm = new Destination("storm", WEBHOOK_0.toString());

		Claimed claimed = queue.settleAndClaim("w1", List.of(), new Claim(4, Map.of(storm, 2), 2), LEASE, IGNORED);

		assertThat(payloads(claimed.entries())).containsExactly("p");
		assertThat(claimed.heldBack()).isZero();
	}

}
