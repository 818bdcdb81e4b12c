package io.zgw.gateway.alerting.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.dispatch.NotificationLogEntry;
import io.zgw.gateway.jdbc.CommitBatch;
import io.zgw.gateway.alerting.store.StoreUnavailableException;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OutboxFlush makes a dispatcher flush durable: the flush's notifications, rendered, go
 * into the outbox and its notification-log entries into the log, in one transaction sent
 * with its {@code COMMIT} as one query ({@link CommitBatch}) on a connection of its own.
 * Only the dispatch thread uses it; {@link #close()} closes its pool.
 */
final class OutboxFlush implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutboxFlush.class);

	private static final long IDLE_CHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

	private static final int VALID_TIMEOUT_SECONDS = 2;

	private final HikariDataSource pool;

	private final Function<Notification, Delivery> render;

	private final JooqOutboxQueue outbox;

	// Kept between flushes: returning it to the pool would cost a ROLLBACK, as the pool
	// cannot see the COMMIT inside the query.
	private @Nullable Connection connection;

	private long lastUsed;

	OutboxFlush(DataSource dataSource, Function<Notification, Delivery> render, JooqOutboxQueue outbox) {
		this.pool = new HikariDataSource(CommitBatch.poolConfig(dataSource, "zgw-dispatch-flush", 1));
		this.render = render;
		this.outbox = outbox;
	}

	/**
	 * Enqueues the notifications, in order, and stores the log entries, all or nothing.
	 * @throws StoreUnavailableException when the transaction did not commit
	 */
	void write(List<Notification> notifications, Map<List<String>, NotificationLogEntry> entries) {
		CommitBatch batch = new CommitBatch();
		this.outbox.addInserts(notifications.stream().map(this.render).toList(), batch::add);
		JdbcNotificationLog.addUpserts(entries, batch::add);
		if (batch.isEmpty()) {
			return;
		}
		try {
			batch.commit(connection());
		}
		catch (SQLException ex) {
			closeConnection();
			throw new StoreUnavailableException("dispatch flush could not commit: " + ex.getMessage(), ex);
		}
	}

	private Connection connection() throws SQLException {
		// After a quiet spell the server may have closed it (wait_timeout): check first,
		// so a flush is not failed, and its groups rebuilt, for an idle connection.
		if (this.connection != null && System.nanoTime() - this.lastUsed > IDLE_CHECK_NANOS
				&& !this.connection.isValid(VALID_TIMEOUT_SECONDS)) {
			closeConnection();
		}
		if (this.connection == null) {
			this.connection = this.pool.getConnection();
		}
		this.lastUsed = System.nanoTime();
		return this.connection;
	}

	/**
	 * Returns the connection to the pool (rolling back whatever a failed batch left
	 * open); the next write takes one again.
	 */
	void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the dispatch flush connection failed", ex);
			}
			this.connection = null;
		}
	}

	@Override
	public void close() {
		closeConnection();
		this.pool.close();
	}

}
