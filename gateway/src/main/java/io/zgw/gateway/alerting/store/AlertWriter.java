package io.zgw.gateway.alerting.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zgw.gateway.alerting.AlertingMetrics;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.jdbc.CommitBatch;
import io.zgw.gateway.jdbc.HeldConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * AlertWriter makes Alertmanager-API alerts durable by group commit: request threads
 * enqueue an {@link AlertUpsert} and wait on its future; one thread per lane drains its
 * queue, writes the whole batch with one multi-row upsert (plus history rows for state
 * changes only) in one transaction, and completes the futures after the commit. The
 * alerts of one request go to the dispatcher together once all their lanes committed.
 *
 * <p>
 * The lanes have their own small connection pool, the only one that allows several
 * statements per round trip: a batch's upsert, its history rows and the {@code COMMIT}
 * travel together, so a batch costs one round trip to MySQL, not five.
 */
@Component
public class AlertWriter implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(AlertWriter.class);

	static final String SOURCE = "alertmanager";

	// A lane's connection idle longer than this is checked before use (HeldConnection).
	private static final Duration IDLE_CHECK = Duration.ofMinutes(1);

	// Hand-written so the same SQL runs on MariaDB and MySQL: jOOQ's MySQL dialect
	// renders the MySQL-8-only row alias ("AS excluded") that MariaDB rejects.
	// VALUES(col) works on both (MySQL 8 merely deprecates it).
	private static final String ALERT_INSERT = "INSERT INTO alert (alert_key, fingerprint, source, business_line, "
			+ "labels, annotations, generator_url, status, starts_at, ends_at, ends_at_timeout, updated_at, acknowledged, "
			+ "written_by) VALUES ";

	// starts_at and ends_at are merged with the stored row as merge() does: right even
	// when the lane did not know the row. An acknowledgement (made through the API) holds
	// for the occurrence it was made on: it is kept while starts_at stays, and cleared
	// when the alert fires anew. MariaDB and MySQL assign left to right, so the
	// acknowledgement reads the old starts_at and ends_at, starts_at the old ends_at,
	// ends_at the old ends_at_timeout; VALUES(updated_at) is the batch's now.
	private static final String ALERT_ON_DUPLICATE = " ON DUPLICATE KEY UPDATE annotations = VALUES(annotations), "
			+ "generator_url = VALUES(generator_url), status = VALUES(status), "
			+ "acknowledged = acknowledged AND ((VALUES(starts_at) <= ends_at AND starts_at < VALUES(starts_at)) "
			+ "OR starts_at = VALUES(starts_at)), starts_at = IF(VALUES(starts_at) <= ends_at AND starts_at < VALUES(starts_at), starts_at, "
			+ "VALUES(starts_at)), ends_at = IF(ends_at > VALUES(ends_at) AND IF(VALUES(ends_at) > VALUES(updated_at), "
			+ "NOT ends_at_timeout, ends_at <= VALUES(updated_at)), ends_at, VALUES(ends_at)), "
			+ "ends_at_timeout = VALUES(ends_at_timeout), updated_at = VALUES(updated_at), "
			+ "written_by = VALUES(written_by)";

	// Batches of up to this many alerts and history rows reuse a prepared statement per
	// shape.
	private static final int CACHED_STATEMENT_ROWS = 64;

	private static final int CACHED_STATEMENTS = 256;

	// Keeps one statement well under max_allowed_packet (16 MiB on MariaDB 10.11, 64 MiB
	// on MySQL 8) whatever the annotations weigh.
	private static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

	private static final String HISTORY_COLUMNS = "INSERT INTO alert_history (alert_key, fingerprint, change_kind, "
			+ "source, occurred_at, recorded_at) ";

	private static final String HISTORY_INSERT = HISTORY_COLUMNS + "VALUES ";

	// For alerts the lane does not know, the stored row (read before the upsert, in the
	// same transaction) says what changed: nothing stored, firing, or resolved.
	private static final String UNKNOWN_HISTORY_INSERT = HISTORY_COLUMNS + "SELECT v.k, v.f, CASE WHEN a.alert_key "
			+ "IS NULL THEN '" + ChangeKind.CREATED.columnValue() + "' WHEN v.firing = 1 THEN '"
			+ ChangeKind.REFIRED.columnValue() + "' ELSE '" + ChangeKind.RESOLVED.columnValue() + "' END, '" + SOURCE
			+ "', v.t, v.t FROM (";

	private static final String UNKNOWN_HISTORY_ROW = "SELECT ? AS k, ? AS f, ? AS firing, CAST(? AS DATETIME(3)) AS t";

	private static final String UNKNOWN_HISTORY_WHERE = ") v LEFT JOIN alert a ON a.alert_key = v.k "
			+ "WHERE a.alert_key IS NULL OR ((a.ends_at IS NULL OR a.ends_at > v.t) <> (v.firing = 1))";

	private final HikariConfig poolConfig;

	private @Nullable HikariDataSource pool;

	private final JsonMapper json;

	private final Clock clock;

	private final AlertingProperties.Writer config;

	private final Lane[] lanes;

	private volatile boolean running;

	private final DistributionSummary batchRows;

	private final Timer commitTimer;

	private final Counter stored;

	private final Counter saturated;

	private final Counter failed;

	private final AlertCommits commits;

	AlertWriter(DataSource dataSource, JsonMapper json, ObjectProvider<Clock> clock, AlertingProperties properties,
			MeterRegistry meters, AlertCommits commits) {
		// READ COMMITTED (see CommitBatch): the history of unknown alerts reads the alert
		// table inside INSERT ... SELECT, and under REPEATABLE READ that read would take
		// gap locks that make lanes inserting new keys deadlock each other.
		this.poolConfig = CommitBatch.poolConfig(dataSource, "zgw-alert-writer", properties.writer().lanes());
		this.commits = commits;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.config = properties.writer();
		this.lanes = new Lane[this.config.lanes()];
		for (int i = 0; i < this.lanes.length; i++) {
			this.lanes[i] = new Lane(i);
		}
		this.batchRows = DistributionSummary.builder(AlertingMetrics.WRITER_BATCH_ROWS).register(meters);
		this.commitTimer = Timer.builder(AlertingMetrics.WRITER_COMMIT).register(meters);
		this.stored = meters.counter(AlertingMetrics.ALERTS_STORED, "source", SOURCE);
		this.saturated = meters.counter(AlertingMetrics.ALERTS_REFUSED, "reason", "saturated");
		this.failed = meters.counter(AlertingMetrics.ALERTS_REFUSED, "reason", "store_failed");
		Gauge.builder(AlertingMetrics.WRITER_QUEUED, this.lanes, (all) -> {
			int queued = 0;
			for (Lane lane : all) {
				queued += lane.queue.size();
			}
			return queued;
		}).register(meters);
	}

	/**
	 * Queues one alert; see {@link #submitAll}.
	 */
	public CompletableFuture<Void> submit(AlertUpsert alert) {
		return submitAll(List.of(alert));
	}

	/**
	 * Queues the alerts of one request for their lanes' next commits; the future
	 * completes when all are committed, or exceptionally with
	 * {@link StoreUnavailableException} when a commit failed. The dispatcher gets the
	 * request's committed alerts together, after every lane holding one has committed or
	 * failed it, as Alertmanager never splits a POST between two flushes of a group.
	 * @throws WriterSaturatedException when a lane's queue is full or the writer is
	 * stopped; the alerts queued before it are still committed
	 */
	public CompletableFuture<Void> submitAll(List<AlertUpsert> alerts) {
		Handover handover = (alerts.size() > 1) ? new Handover() : null;
		CompletableFuture<?>[] futures = new CompletableFuture<?>[alerts.size()];
		try {
			for (int i = 0; i < futures.length; i++) {
				futures[i] = enqueue(alerts.get(i), handover);
			}
		}
		finally {
			if (handover != null) {
				// The submitter's own share: nothing is handed over before every alert
				// is queued (or refused).
				handover.release(null, 1, List.of());
			}
		}
		return CompletableFuture.allOf(futures);
	}

	private CompletableFuture<Void> enqueue(AlertUpsert alert, @Nullable Handover handover) {
		// Serialise and fingerprint here, on the request thread, so the lane's single
		// thread only merges and writes.
		long hash = alert.labels().fingerprint();
		Lane lane = this.lanes[Math.floorMod(hash, this.lanes.length)];
		String fingerprint = HexFormat.of().toHexDigits(hash);
		String labelsJson = this.json.writeValueAsString(alert.labels().asMap());
		Pending pending = new Pending(alert, AlertUpsert.keyOf(labelsJson), fingerprint, labelsJson,
				this.json.writeValueAsString(alert.annotations()), handover, new CompletableFuture<>());
		if (handover != null) {
			handover.join();
		}
		if (!this.running || !lane.queue.offer(pending)) {
			if (handover != null) {
				handover.release(null, 1, List.of());
			}
			this.saturated.increment();
			throw new WriterSaturatedException(this.running ? "alert write queue is full" : "alert writer is stopped");
		}
		return pending.future;
	}

	@Override
	public void start() {
		this.pool = new HikariDataSource(this.poolConfig);
		this.running = true;
		for (Lane lane : this.lanes) {
			lane.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		for (Lane lane : this.lanes) {
			try {
				lane.join(this.config.commitTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (this.pool != null) {
			this.pool.close();
			this.pool = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	// Start before the web server accepts requests and stop after it stopped, so every
	// accepted alert is written before the data source closes.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Returns the stored state after applying {@code incoming} to {@code prior} the way
	 * Alertmanager merges a re-sent alert, and the state change to record, if any.
	 */
	static Merge merge(@Nullable Known prior, AlertUpsert incoming, Instant now) {
		boolean firing = incoming.endsAt().isAfter(now);
		if (prior == null) {
			return new Merge(new Known(incoming.startsAt(), incoming.endsAt(), incoming.timeout()), ChangeKind.CREATED);
		}
		boolean overlaps = !incoming.startsAt().isAfter(prior.endsAt());
		Instant startsAt = (overlaps && prior.startsAt().isBefore(incoming.startsAt())) ? prior.startsAt()
				: incoming.startsAt();
		// As Alertmanager's Alert.Merge: a later end stays while the alert fires if its
		// sender gave it (two Prometheus servers' horizons differ), and the later of two
		// resolution times stays. Unlike Merge, also when the re-sent alert's whole span
		// lies before the stored start: the SQL upsert, which assigns starts_at first,
		// can no longer tell that case, and both must agree.
		boolean keepEnd = prior.endsAt().isAfter(incoming.endsAt())
				&& (firing ? !prior.timeout() : !prior.endsAt().isAfter(now));
		Known next = new Known(startsAt, keepEnd ? prior.endsAt() : incoming.endsAt(), incoming.timeout());
		boolean wasFiring = prior.endsAt().isAfter(now);
		if (wasFiring && !firing) {
			return new Merge(next, ChangeKind.RESOLVED);
		}
		if (!wasFiring && firing) {
			return new Merge(next, ChangeKind.REFIRED);
		}
		return new Merge(next, null);
	}

	/** Known is the part of a stored alert's state the merge needs. */
	record Known(Instant startsAt, Instant endsAt, boolean timeout) {
	}

	/** Merge is the outcome of {@link #merge}. */
	record Merge(Known next, @Nullable ChangeKind change) {
	}

	private record Pending(AlertUpsert alert, String key, String fingerprint, String labelsJson, String annotationsJson,
			@Nullable Handover handover, CompletableFuture<Void> future) {

		long size() {
			return this.labelsJson.length() + this.annotationsJson.length() + this.alert.generatorUrl().length();
		}

	}

	private record Row(Pending pending, Known state) {
	}

	private final class Lane implements Runnable {

		private final BlockingQueue<Pending> queue;

		private final int index;

		private @Nullable Thread thread;

		// Access-ordered LRU of states this lane committed; only this lane writes these
		// keys.
		private final LinkedHashMap<String, Known> cache = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
				return size() > AlertWriter.this.config.cacheSize();
			}
		};

		// Keys whose latest committed state waits in a handover; the handover removes
		// its keys once it has handed them over, from whichever lane released it last.
		private final Map<String, Handover> held = new ConcurrentHashMap<>();

		private final HeldConnection connection = new HeldConnection(this::borrow, IDLE_CHECK);

		// The connection the cached statements were prepared on.
		private @Nullable Connection prepared;

		// Least recently used statements are closed beyond CACHED_STATEMENTS.
		private final LinkedHashMap<Long, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Long, PreparedStatement> eldest) {
				if (size() <= CACHED_STATEMENTS) {
					return false;
				}
				try {
					eldest.getValue().close();
				}
				catch (SQLException ex) {
					logger.debug("Closing a cached alert writer statement failed", ex);
				}
				return true;
			}
		};

		Lane(int index) {
			this.queue = new ArrayBlockingQueue<>(AlertWriter.this.config.queueCapacity());
			this.index = index;
		}

		// A new thread per start: a stopped context (e.g. a paused test context) can
		// start again.
		void start() {
			this.thread = new Thread(this, "zgw-alert-writer-" + this.index);
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void join(long millis) throws InterruptedException {
			if (this.thread != null) {
				this.thread.join(millis);
			}
		}

		@Override
		public void run() {
			List<Pending> batch = new ArrayList<>(AlertWriter.this.config.batchSize());
			while (AlertWriter.this.running || !this.queue.isEmpty()) {
				try {
					Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					fill(batch);
					write(batch);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (RuntimeException ex) {
					logger.error("Alert writer lane failed on a batch", ex);
				}
				finally {
					batch.clear();
				}
			}
			closeConnection();
		}

		private void fill(List<Pending> batch) throws InterruptedException {
			int max = AlertWriter.this.config.batchSize();
			long bytes = batch.get(0).size();
			long waitNanos = AlertWriter.this.config.maxWait().toNanos();
			long deadline = System.nanoTime() + waitNanos;
			while (batch.size() < max && bytes < MAX_BATCH_BYTES) {
				Pending next = this.queue.poll();
				if (next == null && waitNanos > 0) {
					next = this.queue.poll(waitNanos, TimeUnit.NANOSECONDS);
					waitNanos = deadline - System.nanoTime();
				}
				if (next == null) {
					return;
				}
				batch.add(next);
				bytes += next.size();
			}
		}

		private void write(List<Pending> batch) {
			Instant now = AlertWriter.this.clock.instant();
			Map<String, Known> staged = new HashMap<>();
			Map<String, Row> rows = new LinkedHashMap<>();
			List<HistoryRow> history = new ArrayList<>();
			List<UnknownRow> unknown = new ArrayList<>();
			long started = System.nanoTime();
			try {
				Connection conn = connection();
				for (Pending pending : batch) {
					String key = pending.key();
					Known prior = staged.containsKey(key) ? staged.get(key) : this.cache.get(key);
					Merge merge;
					if (prior == null) {
						// Not read back: the batch's SQL merges it with any stored
						// row and records what changed.
						merge = merge(null, pending.alert(), now);
						unknown.add(new UnknownRow(key, pending.fingerprint(), pending.alert().endsAt().isAfter(now)));
					}
					else {
						merge = merge(prior, pending.alert(), now);
						if (merge.change() != null) {
							history.add(new HistoryRow(key, pending.fingerprint(), merge.change()));
						}
					}
					staged.put(key, merge.next());
					// One row per key: a later re-send in the same batch supersedes.
					rows.remove(key);
					rows.put(key, new Row(pending, merge.next()));
				}
				commit(conn, rows.values(), unknown, history, now);
			}
			catch (SQLException | RuntimeException ex) {
				batch.forEach((pending) -> this.cache.remove(pending.key()));
				closeConnection();
				StoreUnavailableException failure = new StoreUnavailableException(
						"alert store could not commit: " + ex.getMessage(), ex);
				releaseShares(batch, Map.of());
				batch.forEach((pending) -> pending.future().completeExceptionally(failure));
				AlertWriter.this.failed.increment(batch.size());
				return;
			}
			AlertWriter.this.commitTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			AlertWriter.this.batchRows.record(batch.size());
			AlertWriter.this.stored.increment(batch.size());
			this.cache.putAll(staged);
			handOver(batch, rows.values(), now);
			batch.forEach((pending) -> pending.future().complete(null));
		}

		// Alerts of single-alert requests go to the dispatcher now; those of larger
		// requests go with their handover. A key a handover still holds stays with it,
		// newer state and all, so the dispatcher never sees a key's states out of order.
		private void handOver(List<Pending> batch, Collection<Row> rows, Instant now) {
			List<StoredAlert> direct = new ArrayList<>(rows.size());
			Map<Handover, List<StoredAlert>> handed = new HashMap<>();
			for (Row row : rows) {
				AlertUpsert alert = row.pending().alert();
				StoredAlert stored = new StoredAlert(row.pending().key(), SOURCE, alert.labels(), alert.annotations(),
						alert.generatorUrl(), row.state().startsAt(), row.state().endsAt(), now, false);
				Handover holder = this.held.get(stored.alertKey());
				if (holder != null && holder.supersede(stored)) {
					continue;
				}
				Handover own = row.pending().handover();
				if (own == null) {
					direct.add(stored);
				}
				else {
					handed.computeIfAbsent(own, (h) -> new ArrayList<>()).add(stored);
					this.held.put(stored.alertKey(), own);
				}
			}
			if (!direct.isEmpty()) {
				AlertWriter.this.commits.publish(direct);
			}
			releaseShares(batch, handed);
		}

		// Every queued alert of a handover releases its share once, committed or not.
		private void releaseShares(List<Pending> batch, Map<Handover, List<StoredAlert>> committed) {
			Map<Handover, Integer> shares = new HashMap<>();
			for (Pending pending : batch) {
				if (pending.handover() != null) {
					shares.merge(pending.handover(), 1, Integer::sum);
				}
			}
			shares.forEach(
					(handover, count) -> handover.release(this, count, committed.getOrDefault(handover, List.of())));
		}

		// One round trip: upsert, history rows and COMMIT as one multi-statement query on
		// a connection that never autocommits. On failure the caller closes the
		// connection, which rolls the transaction back.
		private void commit(Connection conn, Collection<Row> rows, List<UnknownRow> unknown, List<HistoryRow> history,
				Instant now) throws SQLException {
			String updatedAt = UtcTimes.bind(now);
			boolean cacheable = rows.size() <= CACHED_STATEMENT_ROWS && history.size() <= CACHED_STATEMENT_ROWS;
			PreparedStatement batch = cacheable ? cachedStatement(conn, rows.size(), unknown.size(), history.size())
					: conn.prepareStatement(batchSql(rows.size(), unknown.size(), history.size()));
			try {
				int i = 0;
				for (UnknownRow row : unknown) {
					batch.setString(++i, row.alertKey());
					batch.setString(++i, row.fingerprint());
					batch.setInt(++i, row.firing() ? 1 : 0);
					batch.setString(++i, updatedAt);
				}
				for (Row row : rows) {
					Pending pending = row.pending();
					batch.setString(++i, pending.key());
					batch.setString(++i, pending.fingerprint());
					batch.setString(++i, SOURCE);
					batch.setString(++i, pending.alert().labels().get("business_line"));
					batch.setString(++i, pending.labelsJson());
					batch.setString(++i, pending.annotationsJson());
					batch.setString(++i, pending.alert().generatorUrl());
					batch.setString(++i, row.state().endsAt().isAfter(now) ? "firing" : "resolved");
					batch.setString(++i, UtcTimes.bind(row.state().startsAt()));
					batch.setString(++i, UtcTimes.bind(row.state().endsAt()));
					batch.setBoolean(++i, row.state().timeout());
					batch.setString(++i, updatedAt);
					batch.setBoolean(++i, false);
					batch.setString(++i, AlertWriter.this.commits.writer());
				}
				for (HistoryRow row : history) {
					batch.setString(++i, row.alertKey());
					batch.setString(++i, row.fingerprint());
					batch.setString(++i, row.kind().columnValue());
					batch.setString(++i, SOURCE);
					batch.setString(++i, updatedAt);
					batch.setString(++i, updatedAt);
				}
				// Every result is read, the COMMIT's last: only then is the batch
				// durable.
				CommitBatch.executeAll(batch);
			}
			finally {
				if (!cacheable) {
					batch.close();
				}
			}
		}

		// Connector/J parses the SQL text of every prepareStatement (a tenth of the CPU
		// at high rates), so the statements of the common small batches are kept per
		// shape.
		private PreparedStatement cachedStatement(Connection conn, int rows, int unknownRows, int historyRows)
				throws SQLException {
			// unknownRows <= rows <= CACHED_STATEMENT_ROWS, so 16 bits each suffice.
			long shape = ((long) rows << 32) | ((long) unknownRows << 16) | historyRows;
			PreparedStatement cached = this.statements.get(shape);
			if (cached == null) {
				cached = conn.prepareStatement(batchSql(rows, unknownRows, historyRows));
				this.statements.put(shape, cached);
			}
			return cached;
		}

		private Connection borrow() throws SQLException {
			HikariDataSource pool = AlertWriter.this.pool;
			if (pool == null) {
				throw new SQLException("the alert writer is stopped");
			}
			return pool.getConnection();
		}

		private Connection connection() throws SQLException {
			Connection conn = this.connection.get();
			if (conn != this.prepared) {
				// A new connection: the statements cached were the old one's.
				this.statements.clear();
				this.prepared = conn;
			}
			return conn;
		}

		private void closeConnection() {
			// Closing the connection closes its statements.
			this.statements.clear();
			this.prepared = null;
			this.connection.close();
		}

	}

	private static String batchSql(int rows, int unknownRows, int historyRows) {
		StringBuilder sql = new StringBuilder();
		if (unknownRows > 0) {
			sql.append(UNKNOWN_HISTORY_INSERT).append(UNKNOWN_HISTORY_ROW);
			sql.append(" UNION ALL SELECT ?, ?, ?, CAST(? AS DATETIME(3))".repeat(unknownRows - 1));
			sql.append(UNKNOWN_HISTORY_WHERE).append(";\n");
		}
		sql.append(repeatRows(ALERT_INSERT, 14, rows)).append(ALERT_ON_DUPLICATE);
		if (historyRows > 0) {
			sql.append(";\n").append(repeatRows(HISTORY_INSERT, 6, historyRows));
		}
		return sql.append(";\nCOMMIT").toString();
	}

	private static String repeatRows(String insert, int columns, int rows) {
		String row = "(" + "?,".repeat(columns - 1) + "?)";
		StringBuilder sql = new StringBuilder(insert.length() + rows * (row.length() + 1));
		sql.append(insert).append(row);
		for (int i = 1; i < rows; i++) {
			sql.append(',').append(row);
		}
		return sql.toString();
	}

	/**
	 * Handover gathers the committed alerts of one request and hands them to the
	 * dispatcher together, once each of its alerts has been committed or failed by its
	 * lane (and every one was queued). It hands them over while holding its lock, so a
	 * lane that finds it already handed over may publish a newer state of the same key
	 * right after.
	 */
	private final class Handover {

		private int shares = 1;

		private boolean handedOver;

		private final Map<String, StoredAlert> alerts = new LinkedHashMap<>();

		private final Map<String, Lane> holders = new HashMap<>();

		synchronized void join() {
			this.shares++;
		}

		synchronized void release(@Nullable Lane lane, int count, List<StoredAlert> committed) {
			for (StoredAlert alert : committed) {
				this.alerts.put(alert.alertKey(), alert);
				this.holders.put(alert.alertKey(), lane);
			}
			this.shares -= count;
			if (this.shares > 0) {
				return;
			}
			this.handedOver = true;
			if (!this.alerts.isEmpty()) {
				AlertWriter.this.commits.publish(new ArrayList<>(this.alerts.values()));
			}
			this.holders.forEach((key, holder) -> holder.held.remove(key, this));
		}

		/**
		 * Takes a newer committed state of a key it holds, unless it has handed its
		 * alerts over already.
		 */
		synchronized boolean supersede(StoredAlert newer) {
			if (this.handedOver) {
				return false;
			}
			this.alerts.put(newer.alertKey(), newer);
			return true;
		}

	}

	private record HistoryRow(String alertKey, String fingerprint, ChangeKind kind) {
	}

	private record UnknownRow(String alertKey, String fingerprint, boolean firing) {
	}

}
