package io.zgw.gateway.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HeldConnection is one thread's connection from a {@link CommitBatch} pool, kept between
 * batches: the pool checks a connection idle for more than half a second with a round
 * trip before handing it out, which a thread committing a few times a second would pay on
 * most batches. A held connection is out of the pool's reach (its keep-alive and maximum
 * lifetime), so after it sat idle for a while it is checked before use: the server closes
 * connections idle beyond its {@code wait_timeout} (8 hours by default), and the first
 * batch after a quiet night must not fail for that.
 */
public final class HeldConnection {

	private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);

	private static final int VALID_TIMEOUT_SECONDS = 2;

	/** Where connections come from, e.g. a pool's {@code getConnection}. */
	@FunctionalInterface
	public interface Source {

		/** Returns a connection from the pool. */
		Connection get() throws SQLException;

	}

	private final Source source;

	private final long idleCheckNanos;

	private @Nullable Connection connection;

	private long lastUsed;

	/**
	 * Holds connections from {@code source}, checking one that sat idle longer than
	 * {@code idleCheck} before it is used again.
	 */
	public HeldConnection(Source source, Duration idleCheck) {
		this.source = source;
		this.idleCheckNanos = idleCheck.toNanos();
	}

	/**
	 * Returns the held connection, or a new one when none is held or the held one no
	 * longer answers after an idle spell.
	 */
	public Connection get() throws SQLException {
		if (this.connection != null && System.nanoTime() - this.lastUsed > this.idleCheckNanos
				&& !this.connection.isValid(VALID_TIMEOUT_SECONDS)) {
			log.debug("Held connection no longer valid after an idle spell, taking a new one");
			close();
		}
		if (this.connection == null) {
			this.connection = this.source.get();
		}
		this.lastUsed = System.nanoTime();
		return this.connection;
	}

	/**
	 * Returns the connection to its pool, which rolls back whatever a failed batch left
	 * open and closes its statements; the next {@link #get()} takes one again.
	 */
	public void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing a held connection failed", ex);
			}
			this.connection = null;
		}
	}

}
