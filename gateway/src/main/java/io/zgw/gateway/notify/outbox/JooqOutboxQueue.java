package io.zgw.gateway.notify.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zgw.gateway.jdbc.CommitBatch;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.Integration;
import io.zgw.sql.DateTimeTextBinding;
import io.zgw.sql.tables.Outbox;
import io.zgw.sql.tables.records.OutboxRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;

import static io.zgw.sql.Tables.OUTBOX;
import static org.jooq.impl.DSL.selectOne;

/**
 * JooqOutboxQueue keeps the outbox in the {@code outbox} table so several gateway
 * replicas can drain it: claims lock candidate rows with {@code FOR UPDATE SKIP LOCKED}
 * and lease them through {@code claimed_by}/{@code claimed_until} before any send starts.
 */
public final class JooqOutboxQueue implements OutboxQueue, AutoCloseable {

	// Keeps one INSERT well under max_allowed_packet (16 MiB on MariaDB 10.11).
	private static final long MAX_INSERT_BYTES = 1024L * 1024;

	// Plain SQL, so that a caller can send it with other statements in one query.
	private static final String INSERT = "INSERT INTO outbox (group_key, receiver, integration, chain_key, payload, "
			+ "created_at, attempts, next_attempt_at) VALUES ";

	private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int MAX_ERROR = 1000;

	private final DSLContext dsl;

	private final Clock clock;

	// Claims run on connections kept out of autocommit: a claim costs its SELECT, its
	// UPDATE and the commit, not also the two SET autocommit round trips of a Spring
	// transaction, and every finished send runs one during a burst.
	private final HikariDataSource claims;

	// The delivery loop claims on one thread; tests race a few claimers.
	private static final int CLAIM_CONNECTIONS = 4;

	/**
	 * Creates the queue on the application's data source; {@code clock} decides what is
	 * due and stamps every change. Claims take connections from a small pool of the
	 * queue's own ({@link #close()} closes it).
	 */
	public JooqOutboxQueue(DSLContext dsl, DataSource dataSource, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
		this.claims = new HikariDataSource(CommitBatch.poolConfig(dataSource, "zgw-outbox-claim", CLAIM_CONNECTIONS));
	}

	@Override
	public long enqueue(Delivery delivery) {
		LocalDateTime now = now();
		return dsl.insertInto(OUTBOX)
			.set(OUTBOX.GROUP_KEY, delivery.groupKey())
			.set(OUTBOX.RECEIVER, delivery.receiver())
			.set(OUTBOX.INTEGRATION, delivery.integration().toString())
			.set(OUTBOX.CHAIN_KEY, chainKey(delivery))
			.set(OUTBOX.PAYLOAD, delivery.payload())
			.set(OUTBOX.CREATED_AT, now)
			.set(OUTBOX.ATTEMPTS, 0)
			.set(OUTBOX.NEXT_ATTEMPT_AT, now)
			.returningResult(OUTBOX.ID)
			.fetchOne()
			.value1();
	}

	/**
	 * Passes the statements that add the deliveries, due now, in this order, to
	 * {@code statements} as SQL and bind values, for a caller that runs them in a
	 * transaction of its own (the dispatcher's flush). One multi-row INSERT per chunk of
	 * at most {@value #MAX_INSERT_BYTES} bytes of payload: InnoDB numbers a statement's
	 * rows in order, so chains keep their order.
	 */
	public void addInserts(List<Delivery> deliveries, BiConsumer<String, List<Object>> statements) {
		String now = DateTimeTextBinding.text(now());
		int from = 0;
		while (from < deliveries.size()) {
			List<Object> binds = new ArrayList<>();
			long bytes = 0;
			int to = from;
			while (to < deliveries.size() && (to == from || bytes < MAX_INSERT_BYTES)) {
				Delivery delivery = deliveries.get(to++);
				bytes += delivery.payload().length();
				binds.addAll(List.of(delivery.groupKey(), delivery.receiver(), delivery.integration().toString(),
						chainKey(delivery), delivery.payload(), now, 0, now));
			}
			statements.accept(INSERT + String.join(", ", Collections.nCopies(to - from, INSERT_ROW)), binds);
			from = to;
		}
	}

	@Override
	public Claimed settleAndClaim(String workerId, List<AttemptEnd> ended, Claim claim, Duration lease,
			Consumer<List<OutboxEntry>> leased) {
		if (ended.isEmpty() && claim.rows() == 0) {
			leased.accept(List.of());
			return new Claimed(List.of(), List.of(), 0);
		}
		try (Connection connection = this.claims.getConnection()) {
			try {
				return settleAndClaim(connection, workerId, ended, claim, lease, leased);
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new DataAccessException("recording attempts and claiming outbox rows failed: " + ex.getMessage(), ex);
		}
	}

	// Two round trips: the attempts' updates together with the claim's SELECT, then the
	// claim's UPDATE together with the COMMIT (CommitBatch).
	private Claimed settleAndClaim(Connection connection, String workerId, List<AttemptEnd> ended, Claim claim,
			Duration lease, Consumer<List<OutboxEntry>> leased) throws SQLException {
		DSLContext tx = DSL.using(this.dsl.configuration().derive(new DefaultConnectionProvider(connection)));
		LocalDateTime now = now();
		CommitBatch first = new CommitBatch();
		for (AttemptEnd end : ended) {
			add(first, tx, settle(tx, end, workerId, now));
		}
		if (claim.rows() > 0) {
			add(first, tx, candidates(tx, now, claim));
		}
		List<Long> notHeld = new ArrayList<>();
		List<OutboxRecord> candidates = new ArrayList<>();
		first.execute(connection, (statement, updateCount) -> {
			if (statement < ended.size() && updateCount == 0) {
				notHeld.add(ended.get(statement).id());
			}
		}, (statement, results) -> candidates.addAll(tx.fetch(results, OUTBOX.fields()).into(OUTBOX)));
		// Candidates left for their integration's share are not updated: the COMMIT
		// releases their locks.
		Claim.Taken<OutboxRecord> taken = claim.take(candidates,
				(row) -> new Destination(row.getReceiver(), row.getIntegration()));
		CommitBatch second = new CommitBatch();
		List<OutboxEntry> entries = new ArrayList<>();
		for (OutboxRecord row : taken.rows()) {
			Optional<OutboxEntry> entry = toEntry(row);
			if (entry.isPresent()) {
				entries.add(entry.get());
			}
			else {
				// A row this gateway cannot read (say, from a newer version)
				// must not block its chain or every claim: it fails, visibly.
				add(second, tx,
						tx.update(OUTBOX)
							.set(OUTBOX.FAILED_AT, now)
							.set(OUTBOX.LAST_ERROR, truncate("unknown integration '" + row.getIntegration() + "'"))
							.where(OUTBOX.ID.eq(row.getId())));
			}
		}
		if (!entries.isEmpty()) {
			add(second, tx,
					tx.update(OUTBOX)
						.set(OUTBOX.CLAIMED_BY, workerId)
						.set(OUTBOX.CLAIMED_UNTIL, now.plus(lease))
						.set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
						.where(OUTBOX.ID.in(entries.stream().map(OutboxEntry::id).toList())));
		}
		leased.accept(entries);
		second.commit(connection);
		return new Claimed(entries, notHeld, taken.heldBack());
	}

	// The due heads of their chains not leased to anyone, locked for the claim: those of
	// integrations with fewer sends in flight first, then the oldest; none of an
	// integration that has its share.
	private static ResultQuery<OutboxRecord> candidates(DSLContext tx, LocalDateTime now, Claim claim) {
		Outbox older = OUTBOX.as("older");
		// A CASE, never a bare number: ORDER BY 0 would name a column.
		List<SortField<?>> order = new ArrayList<>();
		if (!claim.inFlight().isEmpty()) {
			Field<Integer> inFlight = DSL.inline(0);
			for (Map.Entry<Destination, Integer> busy : claim.inFlight().entrySet()) {
				inFlight = DSL.when(to(busy.getKey()), DSL.inline(busy.getValue())).otherwise(inFlight);
			}
			order.add(inFlight.asc());
		}
		order.add(OUTBOX.ID.asc());
		Condition hasRoom = claim.full().isEmpty() ? DSL.noCondition()
				: DSL.not(DSL.or(claim.full().stream().map(JooqOutboxQueue::to).toList()));
		return tx.selectFrom(OUTBOX)
			.where(pending(OUTBOX))
			.and(OUTBOX.NEXT_ATTEMPT_AT.le(now))
			.and(OUTBOX.CLAIMED_UNTIL.isNull().or(OUTBOX.CLAIMED_UNTIL.le(now)))
			.and(hasRoom)
			// Only a chain's head may go: an older pending row, even one
			// leased to another worker, keeps the rest of its chain waiting.
			.andNotExists(selectOne().from(older)
				.where(older.CHAIN_KEY.eq(OUTBOX.CHAIN_KEY))
				.and(older.ID.lt(OUTBOX.ID))
				.and(pending(older)))
			.orderBy(order)
			.limit(claim.rows())
			.forUpdate()
			.skipLocked();
	}

	private static Condition to(Destination destination) {
		return OUTBOX.RECEIVER.eq(destination.receiver()).and(OUTBOX.INTEGRATION.eq(destination.integration()));
	}

	// Records an ended attempt if the row is still leased to the worker (and its lease
	// has not been taken over), releasing the lease.
	private static Query settle(DSLContext tx, AttemptEnd end, String workerId, LocalDateTime now) {
		var update = tx.update(OUTBOX).set(OUTBOX.CLAIMED_UNTIL, (LocalDateTime) null);
		var recorded = switch (end.outcome()) {
			case DELIVERED -> update.set(OUTBOX.DELIVERED_AT, now).set(OUTBOX.LAST_ERROR, (String) null);
			case RETRYABLE_FAILURE ->
				update.set(OUTBOX.NEXT_ATTEMPT_AT, LocalDateTime.ofInstant(requireRetryAt(end), ZoneOffset.UTC))
					.set(OUTBOX.LAST_ERROR, truncate(String.valueOf(end.error())));
			case PERMANENT_FAILURE ->
				update.set(OUTBOX.FAILED_AT, now).set(OUTBOX.LAST_ERROR, truncate(String.valueOf(end.error())));
		};
		return recorded.where(OUTBOX.ID.eq(end.id())).and(OUTBOX.CLAIMED_BY.eq(workerId)).and(pending(OUTBOX));
	}

	private static Instant requireRetryAt(AttemptEnd end) {
		if (end.retryAt() == null) {
			throw new IllegalArgumentException("retryable attempt on outbox row " + end.id() + " has no retry time");
		}
		return end.retryAt();
	}

	// Adds a jOOQ query to a batch as SQL and bind values; times go as text, as the
	// table's binding sends them (Connector/J drops milliseconds from a LocalDateTime on
	// MariaDB).
	private static void add(CommitBatch batch, DSLContext tx, Query query) {
		List<Object> binds = new ArrayList<>();
		for (Object value : query.getBindValues()) {
			binds.add((value instanceof LocalDateTime time) ? DateTimeTextBinding.text(time) : value);
		}
		batch.add(tx.render(query), binds);
	}

	private static Optional<OutboxEntry> toEntry(OutboxRecord row) {
		Integration integration;
		try {
			integration = Integration.parse(row.getIntegration());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		Delivery delivery = new Delivery(row.getReceiver(), integration, row.getGroupKey(), row.getPayload());
		return Optional.of(new OutboxEntry(row.getId(), delivery, row.getCreatedAt().toInstant(ZoneOffset.UTC),
				row.getAttempts() + 1));
	}

	@Override
	public long depth() {
		return dsl.fetchCount(OUTBOX, pending(OUTBOX));
	}

	@Override
	public int purgeFinishedBefore(Instant cutoff, int limit) {
		LocalDateTime before = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
		Condition finished = OUTBOX.DELIVERED_AT.lt(before).or(OUTBOX.FAILED_AT.lt(before));
		// Ids first, by a plain read, then delete by id: a delete scanning for finished
		// rows would lock pending rows on its way, which claimers then skip.
		List<Long> ids = dsl.select(OUTBOX.ID).from(OUTBOX).where(finished).limit(limit).fetch(OUTBOX.ID);
		if (ids.isEmpty()) {
			return 0;
		}
		return dsl.deleteFrom(OUTBOX).where(OUTBOX.ID.in(ids)).and(finished).execute();
	}

	/**
	 * Returns the notifications enqueued for these receivers after {@code since}, oldest
	 * first: what a rebuilt dispatcher counts against their rate limits.
	 */
	public List<Enqueued> enqueuedSince(Collection<String> receivers, Instant since) {
		if (receivers.isEmpty()) {
			return List.of();
		}
		return dsl.select(OUTBOX.RECEIVER, OUTBOX.INTEGRATION, OUTBOX.CREATED_AT)
			.from(OUTBOX)
			.where(OUTBOX.RECEIVER.in(receivers))
			.and(OUTBOX.CREATED_AT.gt(LocalDateTime.ofInstant(since, ZoneOffset.UTC)))
			.orderBy(OUTBOX.CREATED_AT, OUTBOX.ID)
			.fetch((row) -> new Enqueued(row.value1(), Integration.parse(row.value2()),
					row.value3().toInstant(ZoneOffset.UTC)));
	}

	/**
	 * Enqueued is one notification put in the outbox.
	 *
	 * @param receiver the receiver's name
	 * @param integration its integration
	 * @param at when it was enqueued
	 */
	public record Enqueued(String receiver, Integration integration, Instant at) {

	}

	private static Condition pending(Outbox table) {
		return table.DELIVERED_AT.isNull().and(table.FAILED_AT.isNull());
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String truncate(String error) {
		return (error.length() <= MAX_ERROR) ? error : error.substring(0, MAX_ERROR - 3) + "...";
	}

	/** SHA-256 in hex of the chain's group key, receiver and integration. */
	static String chainKey(Delivery delivery) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String chain = delivery.groupKey() + '\0' + delivery.receiver() + '\0' + delivery.integration();
			return HexFormat.of().formatHex(digest.digest(chain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Closes the claims' connection pool. */
	@Override
	public void close() {
		this.claims.close();
	}

}
