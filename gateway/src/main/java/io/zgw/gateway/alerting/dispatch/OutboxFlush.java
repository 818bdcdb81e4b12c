package io.zgw.gateway.alerting.dispatch;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.dispatch.Notifier;
import io.zgw.alerts.dispatch.NotificationLogEntry;
import io.zgw.gateway.jdbc.CommitBatch;
import io.zgw.gateway.jdbc.HeldConnection;
import io.zgw.gateway.alerting.store.StoreUnavailableException;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;

/**
 * OutboxFlush makes a dispatcher flush durable: the flush's notifications, rendered, go
 * into the outbox and its notification-log entries into the log, in one transaction sent
 * with its {@code COMMIT} as one query ({@link CommitBatch}) on a connection of its own.
 * Only the dispatch thread uses it; {@link #close()} closes its pool.
 */
final class OutboxFlush implements AutoCloseable {

	private static final Duration IDLE_CHECK = Duration.ofMinutes(1);

	private final HikariDataSource pool;

	private final Function<Notification, Delivery> render;

	private final Consumer<Notification> rateLimited;

	private final JooqOutboxQueue outbox;

	// Kept between flushes (see HeldConnection).
	private final HeldConnection connection;

	/**
	 * Creates the flush; {@code render} makes a notification its outbox row and
	 * {@code rateLimited} hears of each one a receiver's rate limit held back.
	 */
	OutboxFlush(DataSource dataSource, Function<Notification, Delivery> render, Consumer<Notification> rateLimited,
			JooqOutboxQueue outbox) {
		this.pool = new HikariDataSource(CommitBatch.poolConfig(dataSource, "zgw-dispatch-flush", 1));
		this.connection = new HeldConnection(this.pool::getConnection, IDLE_CHECK);
		this.render = render;
		this.rateLimited = rateLimited;
		this.outbox = outbox;
	}

	/**
	 * Returns the notifier a flush ticks the dispatcher with: it collects the
	 * notifications for {@link #write} into {@code sent} and reports those a rate limit
	 * held back.
	 */
	Notifier collector(List<Notification> sent) {
		return new Notifier() {

			@Override
			public void deliver(Notification notification) {
				sent.add(notification);
			}

			@Override
			public void rateLimited(Notification notification) {
				OutboxFlush.this.rateLimited.accept(notification);
			}

		};
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
			batch.commit(this.connection.get());
		}
		catch (SQLException ex) {
			this.connection.close();
			throw new StoreUnavailableException("dispatch flush could not commit: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the notifications enqueued for these receivers after {@code since}, oldest
	 * first.
	 */
	List<JooqOutboxQueue.Enqueued> enqueuedSince(Collection<String> receivers, Instant since) {
		return this.outbox.enqueuedSince(receivers, since);
	}

	/** Returns the held connection to the pool; the next write takes one again. */
	void closeConnection() {
		this.connection.close();
	}

	@Override
	public void close() {
		closeConnection();
		this.pool.close();
	}

}
