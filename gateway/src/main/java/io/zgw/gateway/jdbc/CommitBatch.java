package io.zgw.gateway.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * CommitBatch is one transaction's statements sent together with their {@code COMMIT}, as
 * one multi-statement query, on a connection that never autocommits (from a pool made by
 * {@link #poolConfig}). Spring's transactions cost five round trips for two statements
 * ({@code SET autocommit}, the statements, {@code COMMIT}, {@code SET
 * autocommit} again); under load each waits for a busy MariaDB, so this sends one.
 *
 * <p>
 * Statements are grouped into queries of at most {@value #MAX_QUERY_CHARS} characters,
 * well under MariaDB's {@code max_allowed_packet}; a larger batch takes a round trip per
 * query, all in the same transaction. On an exception nothing is committed: the caller
 * closes the connection, which rolls the transaction back.
 */
public final class CommitBatch {

	/** Most characters per query sent; callers keep their statements below it too. */
	public static final int MAX_QUERY_CHARS = 2 * 1024 * 1024;

	private static final UpdateCounts IGNORE_COUNTS = (statement, count) -> {
	};

	private static final ResultSets IGNORE_ROWS = (statement, rows) -> {
	};

	private final List<String> statements = new ArrayList<>();

	private final List<List<?>> values = new ArrayList<>();

	/** Adds a statement with its bind values, in order. */
	public void add(String sql, List<?> binds) {
		this.statements.add(sql);
		this.values.add(binds);
	}

	/** Whether no statement was added. */
	public boolean isEmpty() {
		return this.statements.isEmpty();
	}

	/**
	 * Runs the statements and commits, reading every result; returns once the
	 * {@code COMMIT} succeeded.
	 */
	public void commit(Connection connection) throws SQLException {
		run(connection, true, IGNORE_COUNTS, IGNORE_ROWS);
	}

	/**
	 * Runs the statements without committing and hands each one's result, in order, to
	 * {@code updated} (its update count) or {@code rows} (its result set, open only
	 * during the call); statements are numbered from 0 in the order they were added.
	 */
	public void execute(Connection connection, UpdateCounts updated, ResultSets rows) throws SQLException {
		if (!isEmpty()) {
			run(connection, false, updated, rows);
		}
	}

	private void run(Connection connection, boolean commit, UpdateCounts updated, ResultSets rows) throws SQLException {
		StringBuilder query = new StringBuilder();
		List<Object> binds = new ArrayList<>();
		int first = 0;
		for (int i = 0; i < this.statements.size(); i++) {
			String sql = this.statements.get(i);
			if (query.length() > 0
					&& query.length() + sql.length() + payloadChars(this.values.get(i)) > MAX_QUERY_CHARS) {
				execute(connection, query.toString(), binds, first, updated, rows);
				query.setLength(0);
				binds.clear();
				first = i;
			}
			query.append((query.length() > 0) ? ";\n" : "").append(sql);
			binds.addAll(this.values.get(i));
		}
		if (commit) {
			query.append((query.length() > 0) ? ";\n" : "").append("COMMIT");
		}
		execute(connection, query.toString(), binds, first, updated, rows);
	}

	private static long payloadChars(List<?> binds) {
		long chars = 0;
		for (Object bind : binds) {
			if (bind instanceof String text) {
				chars += text.length();
			}
		}
		return chars;
	}

	private void execute(Connection connection, String sql, List<Object> binds, int first, UpdateCounts updated,
			ResultSets rows) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < binds.size(); i++) {
				statement.setObject(i + 1, binds.get(i));
			}
			readAll(statement, first, this.statements.size(), updated, rows);
		}
	}

	/**
	 * Executes a prepared multi-statement query and reads every result, so that an error
	 * in any statement, and the {@code COMMIT}'s outcome, surface here.
	 */
	public static void executeAll(PreparedStatement statement) throws SQLException {
		readAll(statement, 0, 0, IGNORE_COUNTS, IGNORE_ROWS);
	}

	/**
	 * Executes the statement and reads every result, so that an error in any statement,
	 * and the {@code COMMIT}'s outcome, surface here. The results of statements numbered
	 * below {@code reported} (the first one numbered {@code first}) go to {@code updated}
	 * or {@code rows}; the rest (such as the {@code COMMIT}'s) are only read.
	 */
	private static void readAll(PreparedStatement statement, int first, int reported, UpdateCounts updated,
			ResultSets rows) throws SQLException {
		boolean resultSet = statement.execute();
		for (int index = first;; index++) {
			if (resultSet) {
				try (ResultSet results = statement.getResultSet()) {
					if (index < reported) {
						rows.accept(index, results);
					}
				}
			}
			else {
				int count = statement.getUpdateCount();
				if (count == -1) {
					return;
				}
				if (index < reported) {
					updated.accept(index, count);
				}
			}
			resultSet = statement.getMoreResults(Statement.CLOSE_CURRENT_RESULT);
		}
	}

	/** Receives a statement's update count. */
	@FunctionalInterface
	public interface UpdateCounts {

		/** Called with the statement's number and its update count. */
		void accept(int statement, int count);

	}

	/** Reads a statement's result set. */
	@FunctionalInterface
	public interface ResultSets {

		/** Called with the statement's number and its rows. */
		void accept(int statement, ResultSet rows) throws SQLException;

	}

	/**
	 * A pool for commit batches and other transactions kept out of autocommit: the
	 * application pool's connection settings plus multi-statement queries (the
	 * application pool does not allow them), autocommit off and READ COMMITTED (no gap
	 * locks between writers inserting new keys side by side).
	 */
	public static HikariConfig poolConfig(DataSource dataSource, String poolName, int size) {
		HikariDataSource main;
		try {
			main = dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(poolName + " needs the application's Hikari connection pool", ex);
		}
		HikariConfig config = new HikariConfig();
		config.setPoolName(poolName);
		config.setJdbcUrl(main.getJdbcUrl());
		config.setUsername(main.getUsername());
		config.setPassword(main.getPassword());
		if (main.getDriverClassName() != null) {
			config.setDriverClassName(main.getDriverClassName());
		}
		config.setConnectionTimeout(main.getConnectionTimeout());
		Properties properties = new Properties();
		properties.putAll(main.getDataSourceProperties());
		properties.setProperty("allowMultiQueries", "true");
		// A COMMIT sent inside a query is invisible to the pool, which rolls back every
		// connection handed back out of autocommit: with the server's transaction state
		// the driver knows no transaction is open and skips that round trip.
		properties.setProperty("useLocalTransactionState", "true");
		config.setDataSourceProperties(properties);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(0);
		config.setAutoCommit(false);
		config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		// A database that is down must not stop the application starting.
		config.setInitializationFailTimeout(-1);
		return config;
	}

}
