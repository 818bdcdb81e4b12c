package io.zgw.gateway.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.gateway.alerting.AlertingMetrics;
import io.zgw.gateway.alerting.PipelineTestSupport;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.UtcTimes;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.zgw.sql.Tables.ALERT_HISTORY;
import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the maintenance jobs on MariaDB: each deletes exactly the rows past their
 * retention, in batches, and keeps firing alerts, recent rows and undelivered outbox rows
 * however old.
 */
@SpringBootTest(properties = { "zgw.notify.enabled=false", "zgw.alerting.dispatch.enabled=false" })
@ActiveProfiles("it")
class RetentionJobsIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-28T12:00:00.250Z");

	// Batches of two rows, so that every purge below takes several.
	static final RetentionProperties RETENTION = new RetentionProperties(Duration.ofHours(1), Duration.ofDays(7),
			Duration.ofDays(30), Duration.ofDays(7), Duration.ofHours(120), 2);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabase(registry, "retention");
	}

	@Autowired
	DSLContext dsl;

	@Autowired
	SilenceStore silences;

	@Autowired
	OutboxQueue outbox;

	final MeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void emptyTables() {
		for (String table : List.of("alert", "alert_history", "outbox", "silence", "notification_log")) {
			this.dsl.execute("DELETE FROM " + table);
		}
	}

	@Test
	void resolvedAlertsAndHistoryPastTheirRetentionGoWhileFiringAndRecentOnesStay() {
		alert("resolved-8d", NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(8)));
		alert("resolved-9d", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(9)));
		// An Alertmanager-API alert that was not re-sent: resolved by its endsAt,
		// although the writer stored it as firing.
		alert("timed-out-8d", NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(8)));
		alert("resolved-6d", NOW.minus(Duration.ofDays(6)), NOW.minus(Duration.ofDays(6)));
		alert("resolved-8d-written-1h-ago", NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofHours(1)));
		alert("firing-60d", null, NOW.minus(Duration.ofDays(60)));
		alert("firing-until-later", NOW.plus(Duration.ofMinutes(5)), NOW.minus(Duration.ofDays(60)));
		long oldOfDeleted = history("resolved-8d", NOW.minus(Duration.ofDays(31)));
		long recentOfDeleted = history("resolved-8d", NOW.minus(Duration.ofDays(8)));
		long oldOfKeptResolved = history("resolved-6d", NOW.minus(Duration.ofDays(40)));
		long oldOfFiring = history("firing-60d", NOW.minus(Duration.ofDays(60)));
		long oldOfFiringUntilLater = history("firing-until-later", NOW.minus(Duration.ofDays(31)));
		long oldOfLongGone = history("gone-long-ago", NOW.minus(Duration.ofDays(31)));

		new ResolvedAlertRetentionJob(this.dsl, RETENTION, this.meters).run(NOW);

		assertThat(strings("SELECT alert_key FROM alert")).containsExactlyInAnyOrder("resolved-6d",
				"resolved-8d-written-1h-ago", "firing-60d", "firing-until-later");
		assertThat(ids("alert_history")).as("history younger than 30 days, or of a firing alert")
			.containsExactlyInAnyOrder(recentOfDeleted, oldOfFiring, oldOfFiringUntilLater)
			.doesNotContain(oldOfDeleted, oldOfKeptResolved, oldOfLongGone);
		assertThat(deleted("alert")).isEqualTo(3);
		assertThat(deleted("alert_history")).isEqualTo(3);

		new ResolvedAlertRetentionJob(this.dsl, RETENTION, this.meters).run(NOW);
		assertThat(this.dsl.fetchCount(this.dsl.selectFrom("alert"))).as("a second run finds nothing more")
			.isEqualTo(4);
		assertThat(deleted("alert")).isEqualTo(3);
	}

	@Test
	void aResolvedAlertALiveNotificationLogEntryListsAsFiringStaysUntilTheEntryExpires() {
		Instant resolved = NOW.minus(Duration.ofDays(8));
		// Batches hold two rows: the three held alerts sort first and fill a whole page.
		alert("a-held-1", resolved, resolved, "00000000000000a1");
		alert("a-held-2", resolved, resolved, "00000000000000a2");
		alert("a-held-3", resolved, resolved, "00000000000000a3");
		alert("b-told-in-expired-entry", resolved, resolved, "00000000000000b1");
		alert("c-not-told", resolved, resolved, "00000000000000c1");
		logEntry("muted-group", NOW.plus(Duration.ofHours(1)), "00000000000000a1,00000000000000a2");
		logEntry("other-group", NOW.plus(Duration.ofHours(1)), "00000000000000a3");
		logEntry("old-group", NOW.minusSeconds(1), "00000000000000b1");

		new ResolvedAlertRetentionJob(this.dsl, RETENTION, this.meters).run(NOW);

		assertThat(strings("SELECT alert_key FROM alert")).containsExactlyInAnyOrder("a-held-1", "a-held-2",
				"a-held-3");
		assertThat(deleted("alert")).isEqualTo(2);

		this.dsl.execute("DELETE FROM notification_log WHERE group_key = 'muted-group'");
		new ResolvedAlertRetentionJob(this.dsl, RETENTION, this.meters).run(NOW);
		assertThat(strings("SELECT alert_key FROM alert")).as("told resolved, or the entry gone")
			.containsExactly("a-held-3");
	}

	@Test
	void finishedOutboxRowsPastTheRetentionGoWhilePendingOnesStayHoweverOld() {
		long delivered8d = outboxRow(NOW.minus(Duration.ofDays(8)), null);
		long delivered9d = outboxRow(NOW.minus(Duration.ofDays(9)), null);
		long failed8d = outboxRow(null, NOW.minus(Duration.ofDays(8)));
		long delivered6d = outboxRow(NOW.minus(Duration.ofDays(6)), null);
		long pending = outboxRow(null, null);

		new OutboxRetentionJob(this.outbox, RETENTION, this.meters).run(NOW);

		assertThat(ids("outbox")).containsExactlyInAnyOrder(delivered6d, pending)
			.doesNotContain(delivered8d, delivered9d, failed8d);
		assertThat(deleted("outbox")).isEqualTo(3);
	}

	@Test
	void silencesExpiredLongerThanTheRetentionAndExpiredNotificationLogEntriesGo() {
		String old = silence(NOW.minus(Duration.ofHours(121)));
		String recent = silence(NOW.minus(Duration.ofHours(119)));
		String active = silence(NOW.plus(Duration.ofHours(1)));
		for (int i = 0; i < 3; i++) {
			logEntry("expired-" + i, NOW.minusSeconds(1));
		}
		logEntry("live", NOW.plus(Duration.ofHours(1)));

		new AlertmanagerGcJob(this.silences, this.dsl, RETENTION, this.meters).run(NOW);

		assertThat(this.silences.find(old)).isEmpty();
		assertThat(this.silences.find(recent)).isPresent();
		assertThat(this.silences.find(active)).isPresent();
		assertThat(strings("SELECT group_key FROM notification_log")).containsExactly("live");
		assertThat(deleted("silence")).isEqualTo(1);
		assertThat(deleted("notification_log")).isEqualTo(3);
	}

	private double deleted(String kind) {
		return this.meters.get(AlertingMetrics.RETENTION_DELETED).tag(AlertingMetrics.TAG_KIND, kind).counter().count();
	}

	private void alert(String key, @Nullable Instant endsAt, Instant updatedAt) {
		alert(key, endsAt, updatedAt, "0123456789abcdef");
	}

	private void alert(String key, @Nullable Instant endsAt, Instant updatedAt, String fingerprint) {
		String status = (endsAt != null && key.startsWith("resolved")) ? "resolved" : "firing";
		this.dsl.execute(
				"INSERT INTO alert (alert_key, fingerprint, source, business_line, labels, annotations, generator_url, "
						+ "status, acknowledged, starts_at, ends_at, updated_at) "
						+ "VALUES (?, ?, 'alertmanager', 'default', '{}', '{}', '', ?, FALSE, ?, ?, ?)",
				key, fingerprint, status, UtcTimes.bind(updatedAt.minus(Duration.ofDays(1))),
				(endsAt != null) ? UtcTimes.bind(endsAt) : null, UtcTimes.bind(updatedAt));
	}

	private long history(String alertKey, Instant recordedAt) {
		return this.dsl.insertInto(ALERT_HISTORY)
			.set(ALERT_HISTORY.ALERT_KEY, alertKey)
			.set(ALERT_HISTORY.FINGERPRINT, "0123456789abcdef")
			.set(ALERT_HISTORY.CHANGE_KIND, "created")
			.set(ALERT_HISTORY.SOURCE, "alertmanager")
			.set(ALERT_HISTORY.OCCURRED_AT, UtcTimes.param(recordedAt))
			.set(ALERT_HISTORY.RECORDED_AT, UtcTimes.param(recordedAt))
			.returningResult(ALERT_HISTORY.ID)
			.fetchSingle()
			.value1();
	}

	private long outboxRow(@Nullable Instant deliveredAt, @Nullable Instant failedAt) {
		return outboxRow(this.dsl, NOW.minus(Duration.ofDays(30)), deliveredAt, failedAt);
	}

	/** Inserts an outbox row created at {@code created}; returns its id. */
	static long outboxRow(DSLContext dsl, Instant created, @Nullable Instant deliveredAt, @Nullable Instant failedAt) {
		return dsl.insertInto(OUTBOX)
			.set(OUTBOX.GROUP_KEY, "{}")
			.set(OUTBOX.RECEIVER, "hook")
			.set(OUTBOX.INTEGRATION, "webhook[0]")
			.set(OUTBOX.CHAIN_KEY, "0".repeat(64))
			.set(OUTBOX.PAYLOAD, "{}")
			.set(OUTBOX.CREATED_AT, UtcTimes.param(created))
			.set(OUTBOX.NEXT_ATTEMPT_AT, UtcTimes.param(created))
			.set(OUTBOX.DELIVERED_AT, orNull(deliveredAt))
			.set(OUTBOX.FAILED_AT, orNull(failedAt))
			.returningResult(OUTBOX.ID)
			.fetchSingle()
			.value1();
	}

	private static Field<LocalDateTime> orNull(@Nullable Instant instant) {
		return (instant != null) ? UtcTimes.param(instant) : DSL.val(null, SQLDataType.LOCALDATETIME(3));
	}

	private String silence(Instant endsAt) {
		String id = UUID.randomUUID().toString();
		String at = UtcTimes.bind(endsAt);
		this.dsl.execute("INSERT INTO silence (id, matchers, starts_at, ends_at, created_by, comment, updated_at) "
				+ "VALUES (?, '[]', ?, ?, 'test', 'retention', ?)", id, at, at, at);
		return id;
	}

	private void logEntry(String groupKey, Instant expiresAt) {
		logEntry(groupKey, expiresAt, "a");
	}

	private void logEntry(String groupKey, Instant expiresAt, String firing) {
		this.dsl.execute("INSERT INTO notification_log (group_key_hash, receiver, group_key, firing_fingerprints, "
				+ "resolved_fingerprints, sent_at, expires_at) VALUES (SHA2(?, 256), 'hook/webhook/0', ?, ?, '', ?, ?)",
				groupKey, groupKey, firing, UtcTimes.bind(expiresAt.minusSeconds(60)), UtcTimes.bind(expiresAt));
	}

	private List<Long> ids(String table) {
		return this.dsl.fetch("SELECT id FROM " + table).getValues(0, Long.class);
	}

	private List<String> strings(String sql, Object... bindings) {
		return this.dsl.fetch(sql, bindings).getValues(0, String.class);
	}

}
