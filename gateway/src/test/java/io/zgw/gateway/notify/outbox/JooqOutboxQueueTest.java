package io.zgw.gateway.notify.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.testsupport.ManualClock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the outbox contract on MariaDB (profile {@code it}, database {@code ZGW_IT_DB})
 * and races real claimers against each other.
 */
@SpringBootTest(properties = "zgw.notify.enabled=false")
@ActiveProfiles("it")
class JooqOutboxQueueTest extends OutboxQueueContract {

	@Autowired
	DSLContext dsl;

	@RegisterExtension
	final OpenedOutboxQueues queues = new OpenedOutboxQueues();

	@Override
	OutboxQueue newQueue(ManualClock clock) {
		dsl.deleteFrom(OUTBOX).execute();
		return queues.open(clock);
	}

	@Test
	void deliveriesInsertedTogetherKeepTheirOrderWithinEachChainAcrossChunks() {
		JooqOutboxQueue jooq = (JooqOutboxQueue) queue;
		// 600 KB payloads: the first two deliveries fill a 1 MiB chunk, so the list is
		// inserted by two statements.
		String big = "x".repeat(600 * 1024);
		List<Delivery> together = List.of(delivery("A", WEBHOOK_0, "a1" + big), delivery("B", WEBHOOK_0, "b1" + big),
				delivery("A", WEBHOOK_0, "a2"), delivery("A", WEBHOOK_1, "a1-second-hook"));
		List<String> statements = new ArrayList<>();
		jooq.addInserts(together, (sql, binds) -> {
			statements.add(sql);
			dsl.execute(sql, binds.toArray());
		});
		jooq.addInserts(List.of(delivery("A", WEBHOOK_0, "a3")), (sql, binds) -> dsl.execute(sql, binds.toArray()));

		assertThat(statements).hasSize(2);
		List<String> sent = new ArrayList<>();
		for (List<OutboxEntry> claimed = claim(queue, "w1", 10); !claimed.isEmpty(); claimed = claim(queue, "w1", 10)) {
			for (OutboxEntry entry : claimed) {
				sent.add(entry.delivery().payload().substring(0, Math.min(14, entry.delivery().payload().length())));
				record(queue, "w1", AttemptEnd.delivered(entry.id()));
			}
		}
		assertThat(sent).containsExactly("a1xxxxxxxxxxxx", "b1xxxxxxxxxxxx", "a1-second-hook", "a2", "a3");
	}

	@Test
	void leasedDeliveriesAreHandedOverLockedBeforeTheClaimCommits() {
		long a1 = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		JooqOutboxQueue other = queues.open(clock);
		List<OutboxEntry> handed = new ArrayList<>();
		List<String> seenMeanwhile = new ArrayList<>();

		Claimed claimed = queue.settleAndClaim("w1", List.of(), rows(10), LEASE, (entries) -> {
			handed.addAll(entries);
			// Another connection sees the row unclaimed (not committed yet) and cannot
			// take it (locked).
			seenMeanwhile.add(String.valueOf(
					dsl.select(OUTBOX.CLAIMED_BY).from(OUTBOX).where(OUTBOX.ID.eq(a1)).fetchOne(OUTBOX.CLAIMED_BY)));
			seenMeanwhile.add("other worker claimed " + claim(other, "w2", 10).size());
		});

		assertThat(handed).extracting(OutboxEntry::id).containsExactly(a1);
		assertThat(claimed.entries()).isEqualTo(handed);
		assertThat(seenMeanwhile).containsExactly("null", "other worker claimed 0");
		assertThat(dsl.select(OUTBOX.CLAIMED_BY).from(OUTBOX).where(OUTBOX.ID.eq(a1)).fetchOne(OUTBOX.CLAIMED_BY))
			.isEqualTo("w1");
	}

	@Test
	void concurrentClaimersNeverGetTheSameRow() throws Exception {
		for (int g = 0; g < 120; g++) {
			queue.enqueue(delivery("G" + g, WEBHOOK_0, "p" + g));
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Callable<List<Long>>> claimers = new ArrayList<>();
			for (int w = 0; w < 3; w++) {
				String worker = "w" + w;
				JooqOutboxQueue own = queues.open(clock);
				claimers.add(() -> {
					List<Long> ids = new ArrayList<>();
					for (int round = 0; round < 200; round++) {
						List<OutboxEntry> got = claim(own, worker, 7);
						if (got.isEmpty() && round > 20) {
							break;
						}
						got.forEach((e) -> ids.add(e.id()));
					}
					return ids;
				});
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> ids : pool.invokeAll(claimers)) {
				all.addAll(ids.get());
			}
			assertThat(all).hasSize(120).doesNotHaveDuplicates();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rowWithAnIntegrationThisGatewayCannotSendFailsOnceAndDoesNotBlockOthers() {
		long foreign = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		dsl.update(OUTBOX).set(OUTBOX.INTEGRATION, "mattermost[0]").where(OUTBOX.ID.eq(foreign)).execute();
		queue.enqueue(delivery("B", WEBHOOK_0, "b1"));

		assertThat(claim(queue, "w1", 10)).extracting((e) -> e.delivery().payload()).containsExactly("b1");
		assertThat(dsl.select(OUTBOX.LAST_ERROR).from(OUTBOX).where(OUTBOX.ID.eq(foreign)).fetchOne().value1())
			.isEqualTo("unknown integration 'mattermost[0]'");
		assertThat(queue.depth()).isEqualTo(1);
	}

	@Test
	void errorsLongerThanTheColumnAreTruncated() {
		long id = queue.enqueue(delivery("A", WEBHOOK_0, "a1"));
		claim(queue, "w1", 1);
		assertThat(record(queue, "w1", AttemptEnd.failed(id, "x".repeat(5000)))).isTrue();
		assertThat(dsl.select(OUTBOX.LAST_ERROR).from(OUTBOX).where(OUTBOX.ID.eq(id)).fetchOne().value1()).hasSize(1000)
			.endsWith("...");
	}

}
