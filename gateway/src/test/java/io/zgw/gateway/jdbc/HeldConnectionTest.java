package io.zgw.gateway.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A held connection that MariaDB closed (as it does after {@code wait_timeout}) is
 * replaced once it sat idle longer than the check interval, on a real server.
 */
@SpringBootTest(properties = "zgw.notify.enabled=false")
@ActiveProfiles("it")
class HeldConnectionTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	DSLContext dsl;

	private HikariDataSource pool;

	@BeforeEach
	void pool() {
		this.pool = new HikariDataSource(CommitBatch.poolConfig(this.dataSource, "test-held", 2));
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void aConnectionTheServerClosedIsReplacedAfterAnIdleSpell() throws SQLException {
		HeldConnection held = new HeldConnection(this.pool::getConnection, Duration.ZERO);
		Connection first = held.get();
		killOnServer(first);

		Connection second = held.get();
		assertThat(second).isNotSameAs(first);
		assertThat(selectOne(second)).isEqualTo(1);
		assertThat(held.get()).as("a live connection is kept").isSameAs(second);
		held.close();
	}

	@Test
	void withinTheIdleIntervalTheConnectionIsUsedUnchecked() throws SQLException {
		HeldConnection held = new HeldConnection(this.pool::getConnection, Duration.ofHours(1));
		Connection first = held.get();
		killOnServer(first);

		assertThat(held.get()).isSameAs(first);
		assertThatThrownBy(() -> selectOne(first)).isInstanceOf(SQLException.class);
		held.close();
	}

	private void killOnServer(Connection connection) throws SQLException {
		long id;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
			rows.next();
			id = rows.getLong(1);
		}
		this.dsl.execute("KILL CONNECTION " + id);
	}

	private static int selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
