package io.zgw.gateway.alerting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the alerts of one request reach the dispatcher together when they fall in
 * two writer lanes and one lane's commit stalls (a row lock held by this test stands for
 * a slow MySQL), that a key's states still reach it in commit order, and that a lane's
 * failure does not keep the other lane's committed alerts from the dispatcher.
 */
@SpringBootTest(properties = "zgw.alerting.writer.lanes=2")
@ActiveProfiles({ "it", "alerting-it" })
class AlertWriterHandoverIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	@Autowired
	AlertWriter writer;

	@Autowired
	AlertCommits commits;

	@Autowired
	DataSource dataSource;

	private final List<List<StoredAlert>> handed = new CopyOnWriteArrayList<>();

	private String run;

	// In lane 0 of two.
	private AlertUpsert fast;

	// In lane 1, stored before each test so that a test can lock its row.
	private AlertUpsert slow;

	@BeforeEach
	void subscribeAndStoreTheSlowAlert() throws Exception {
		this.run = UUID.randomUUID().toString();
		// Commits of other tests' alerts are left out by the run label.
		this.commits.subscribe((alerts) -> {
			List<StoredAlert> ours = alerts.stream().filter((a) -> this.run.equals(a.labels().get("run"))).toList();
			if (!ours.isEmpty()) {
				this.handed.add(ours);
			}
		});
		this.fast = firing("fast", 0);
		this.slow = firing("slow", 1);
		this.writer.submit(this.slow).get(30, TimeUnit.SECONDS);
		this.handed.clear();
	}

	// Posts both alerts (the slow one re-sent) as one request; returns once the fast
	// lane has committed its half.
	private CompletableFuture<Void> postBothOnceTheFastLaneCommitted() throws Exception {
		CompletableFuture<Void> request = this.writer.submitAll(List.of(this.fast, firing("slow", 1)));
		awaitStored(this.fast);
		return request;
	}

	@Test
	void requestSplitOverTwoLanesIsHandedOverTogetherAfterTheSlowerLaneCommits() throws Exception {
		try (RowLock lock = lockRow(this.slow)) {
			CompletableFuture<Void> request = postBothOnceTheFastLaneCommitted();
			// The fast lane has committed; the slow one waits for the lock.
			assertThat(request).isNotDone();
			assertThat(this.handed).isEmpty();
			lock.release();
			request.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.handed).hasSize(1);
		assertThat(this.handed.get(0)).extracting(StoredAlert::alertKey)
			.containsExactlyInAnyOrder(key(this.fast), key(this.slow));
	}

	@Test
	void laterStateOfAHeldKeyWaitsWithItsHandoverSoStatesArriveInOrder() throws Exception {
		Instant resolvedAt = Instant.now().minusSeconds(1);
		AlertUpsert fastResolved = new AlertUpsert(this.fast.labels(), Map.of(), "", this.fast.startsAt(), resolvedAt,
				false);
		try (RowLock lock = lockRow(this.slow)) {
			CompletableFuture<Void> request = postBothOnceTheFastLaneCommitted();
			// A single-alert request resolving the held key commits in the fast lane...
			this.writer.submit(fastResolved).get(30, TimeUnit.SECONDS);
			// ...but must not overtake the firing state still held.
			assertThat(this.handed).isEmpty();
			lock.release();
			request.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.handed).hasSize(1);
		StoredAlert handedFast = this.handed.get(0)
			.stream()
			.filter((a) -> a.alertKey().equals(key(this.fast)))
			.findFirst()
			.orElseThrow();
		assertThat(handedFast.endsAt()).isEqualTo(resolvedAt);
	}

	@Test
	void committedAlertsAreHandedOverEvenWhenAnotherLaneOfTheRequestFails() throws Exception {
		CompletableFuture<Void> request;
		try (RowLock lock = lockRow(this.slow)) {
			request = postBothOnceTheFastLaneCommitted();
			killWaitingWriter(lock);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> request.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(StoreUnavailableException.class);
			lock.release();
		}
		assertThat(this.handed).hasSize(1);
		assertThat(this.handed.get(0)).extracting(StoredAlert::alertKey).containsExactly(key(this.fast));
	}

	// An alert of this run whose fingerprint puts it in the given lane of two.
	private AlertUpsert firing(String name, int lane) {
		for (int i = 0;; i++) {
			LabelSet labels = LabelSet.of(Map.of("alertname", name, "run", this.run, "n", Integer.toString(i)));
			if (Math.floorMod(labels.fingerprint(), 2) == lane) {
				return new AlertUpsert(labels, Map.of(), "", Instant.parse("2026-12-05T10:00:00Z"),
						Instant.now().plusSeconds(600), false);
			}
		}
	}

	private static String key(AlertUpsert alert) {
		return AlertingTestSupport.key(alert.labels());
	}

	private RowLock lockRow(AlertUpsert alert) throws SQLException {
		Connection conn = this.dataSource.getConnection();
		RowLock lock = new RowLock(conn);
		conn.setAutoCommit(false);
		try (PreparedStatement select = conn.prepareStatement("SELECT 1 FROM alert WHERE alert_key = ? FOR UPDATE")) {
			select.setString(1, key(alert));
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).as("the row to lock is stored").isTrue();
			}
		}
		return lock;
	}

	private void awaitStored(AlertUpsert alert) throws Exception {
		poll(() -> {
			try (Connection conn = this.dataSource.getConnection();
					PreparedStatement select = conn.prepareStatement("SELECT 1 FROM alert WHERE alert_key = ?")) {
				select.setString(1, key(alert));
				try (ResultSet row = select.executeQuery()) {
					return row.next();
				}
			}
		});
	}

	/** A row lock held by a transaction of the test, released even when a test fails. */
	private record RowLock(Connection conn) implements AutoCloseable {

		void release() throws SQLException {
			this.conn.rollback();
		}

		@Override
		public void close() throws SQLException {
			try {
				release();
			}
			finally {
				this.conn.close();
			}
		}

	}

	private static void poll(Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("not so within " + AWAIT);
			}
			Thread.sleep(20);
		}
	}

	// Kills the writer lane's connection waiting for the lock, so its commit fails.
	private void killWaitingWriter(RowLock lock) throws Exception {
		String waiting = "SELECT trx_mysql_thread_id FROM information_schema.innodb_trx "
				+ "WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%INSERT INTO alert %'";
		long[] id = new long[1];
		poll(() -> {
			try (Statement statement = lock.conn().createStatement(); ResultSet row = statement.executeQuery(waiting)) {
				if (!row.next()) {
					return false;
				}
				id[0] = row.getLong(1);
				return true;
			}
		});
		try (Statement kill = lock.conn().createStatement()) {
			kill.execute("KILL CONNECTION " + id[0]);
		}
	}

}
