package io.zgw.gateway.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import io.zgw.gateway.notify.outbox.OpenedOutboxQueues;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives delivery workers over the MariaDB outbox (profile {@code it}) against a real
 * HTTP receiver.
 */
@SpringBootTest(properties = "zgw.notify.enabled=false")
@ActiveProfiles("it")
class DatabaseDeliveryTest {

	private static final Pattern GROUP_AND_SEQ = Pattern.compile("\\{\"group\":\"(\\w+)\",\"seq\":(\\d+)}");

	@Autowired
	DSLContext dsl;

	@RegisterExtension
	final OpenedOutboxQueues queues = new OpenedOutboxQueues();

	private final ManualClock clock = ManualClock.atSomeMoment();

	private final RecordingReceiver receiver = new RecordingReceiver();

	private final ExecutorService sendPool = Executors.newFixedThreadPool(4);

	@BeforeEach
	void emptyOutbox() {
		dsl.deleteFrom(OUTBOX).execute();
	}

	@AfterEach
	void stop() {
		receiver.close();
		sendPool.shutdownNow();
	}

	private DeliveryWorker worker(String id) {
		return DeliveryWorkerTest.newWorker(queues.open(clock), DeliveryWorkerTest.notifiersFor(receiver),
				new SimpleMeterRegistry(), clock, id, sendPool);
	}

	@Test
	void receiverDownThenBackGetsEveryNotificationInOrderThroughTheDatabase() {
		JooqOutboxQueue queue = queues.open(clock);
		DeliveryWorker worker = worker("w1");
		receiver.down();
		for (int seq = 1; seq <= 3; seq++) {
			queue.enqueue(DeliveryWorkerTest.delivery("A", seq));
			queue.enqueue(DeliveryWorkerTest.delivery("B", seq));
		}
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(worker.runOnce()).isEqualTo(2);
			assertThat(worker.runOnce()).isZero();
			clock.advance(Duration.ofSeconds(1L << (attempt - 1)));
		}
		receiver.up();
		for (int round = 0; round < 10 && queue.depth() > 0; round++) {
			worker.runOnce();
		}

		assertThat(queue.depth()).isZero();
		assertThat(sequencesByGroup(receiver.acceptedBodies()))
			.isEqualTo(Map.of("A", List.of(1, 2, 3), "B", List.of(1, 2, 3)));
		assertThat(dsl.select(OUTBOX.ATTEMPTS).from(OUTBOX).orderBy(OUTBOX.ID).fetch(OUTBOX.ATTEMPTS))
			.containsExactly(5, 5, 1, 1, 1, 1);
	}

	@Test
	void twoWorkersOnOneDatabaseDeliverEveryRowOnceAndInOrderPerGroup() throws Exception {
		JooqOutboxQueue queue = queues.open(clock);
		int groups = 20;
		int perGroup = 10;
		for (int seq = 1; seq <= perGroup; seq++) {
			for (int g = 0; g < groups; g++) {
				queue.enqueue(DeliveryWorkerTest.delivery("G" + g, seq));
			}
		}
		// Every 7th request is refused, so retries interleave with first attempts.
		receiver.answerBy((n) -> (n % 7 == 0) ? 503 : 200);
		ExecutorService loops = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> workers = new ArrayList<>();
			for (String id : List.of("w1", "w2")) {
				DeliveryWorker worker = worker(id);
				workers.add(() -> {
					int rounds = 0;
					while (queue.depth() > 0 && rounds++ < 2000) {
						if (worker.runOnce() == 0) {
							// Lets retried rows come due; far below the 1m lease.
							clock.advance(Duration.ofMillis(500));
						}
					}
					return rounds;
				});
			}
			for (Future<Integer> rounds : loops.invokeAll(workers, 2, java.util.concurrent.TimeUnit.MINUTES)) {
				assertThat(rounds.get()).isLessThan(2000);
			}
		}
		finally {
			loops.shutdownNow();
		}

		List<String> accepted = receiver.acceptedBodies();
		assertThat(accepted).hasSize(groups * perGroup).doesNotHaveDuplicates();
		List<Integer> inOrder = java.util.stream.IntStream.rangeClosed(1, perGroup).boxed().toList();
		sequencesByGroup(accepted).forEach((group, seqs) -> assertThat(seqs).as(group).isEqualTo(inOrder));
		assertThat(dsl.selectDistinct(OUTBOX.CLAIMED_BY).from(OUTBOX).fetch(OUTBOX.CLAIMED_BY))
			.as("both workers took part")
			.containsExactlyInAnyOrder("w1", "w2");
	}

	private static Map<String, List<Integer>> sequencesByGroup(List<String> bodies) {
		return bodies.stream()
			.map(GROUP_AND_SEQ::matcher)
			.filter(Matcher::matches)
			.collect(Collectors.groupingBy((m) -> m.group(1),
					Collectors.mapping((m) -> Integer.parseInt(m.group(2)), Collectors.toList())));
	}

}
