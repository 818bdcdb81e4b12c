package io.zgw.gateway.alerting.dispatch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.alerting.PipelineTestSupport;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.alerting.store.StoredSilence;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.OutboxNotifier;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import io.zgw.gateway.testsupport.ManualClock;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.zgw.sql.Tables.NOTIFICATION_LOG;
import static io.zgw.sql.Tables.OUTBOX;
import static io.zgw.sql.Tables.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that only one replica dispatches: two lease holders on the real MariaDB with a
 * manual clock; the second takes over when the first stops renewing, rebuilds from the
 * store and, thanks to the durable notification log, repeats nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zgw.alerting.dispatch.enabled=false")
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class DispatchLeaseIntegrationTests {

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: hook
			  group_by: [run]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 1h
			  routes:
			    - matchers: [alertname=Flappy]
			      flap_detection: {starts: 3, within: 10m, calm: 1m}
			receivers:
			  - name: hook
			    webhook_configs: [{url: 'http://127.0.0.1:9/never-called'}]
			""");

	static final DispatchProperties PROPERTIES = new DispatchProperties(true, Duration.ofSeconds(30),
			Duration.ofSeconds(5), null, Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(3),
			Duration.ofSeconds(5), 16, Duration.ofSeconds(1), Duration.ofMinutes(5), null);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "lease", ROUTING);
	}

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	RoutingFile routing;

	@Autowired
	AlertReader reader;

	@Autowired
	SilenceStore silences;

	@Autowired
	DataSource dataSource;

	@Autowired
	OutboxNotifier notifier;

	@Autowired
	JooqOutboxQueue outbox;

	private final List<OutboxFlush> flushes = new ArrayList<>();

	@AfterEach
	void closeFlushes() {
		this.flushes.forEach(OutboxFlush::close);
	}

	@Autowired
	MeterRegistry meters;

	@Test
	void leaseGoesToOneHolderAndIsTakenOverOnlyAfterItExpires() {
		String name = "test-" + UUID.randomUUID();
		DispatchLease a = new DispatchLease(this.dsl, name, "a", Duration.ofSeconds(30));
		DispatchLease b = new DispatchLease(this.dsl, name, "b", Duration.ofSeconds(30));
		Instant t = Instant.parse("2026-11-28T12:00:00Z");
		assertThat(a.acquire(t)).isTrue();
		assertThat(b.acquire(t.plusSeconds(1))).isFalse();
		assertThat(a.acquire(t.plusSeconds(10))).isTrue();
		assertThat(b.acquire(t.plusSeconds(39))).as("a renewed until t+40").isFalse();
		assertThat(b.acquire(t.plusSeconds(41))).isTrue();
		assertThat(a.acquire(t.plusSeconds(42))).as("a lost it").isFalse();
		b.release(t.plusSeconds(43));
		assertThat(a.acquire(t.plusSeconds(43))).as("released leases are free at once").isTrue();
	}

	@Test
	void onlyTheLeaseHolderNotifiesAndATakeOverRepeatsNothingButCarriesOn() {
		Replicas replicas = replicas();
		ManualClock clock = replicas.clock();
		DispatchService a = replicas.a();
		DispatchService b = replicas.b();
		List<Notification> sentA = replicas.sentA();
		List<Notification> sentB = replicas.sentB();
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		String alert = "[{\"labels\":{\"alertname\":\"Lease\",\"run\":\"%s\"}%s}]";
		assertThat(http.post("/api/v2/alerts", alert.formatted(run, ""), Map.of()).statusCode()).isEqualTo(200);

		a.step();
		b.step();
		assertThat(a.leader()).isTrue();
		assertThat(b.leader()).isFalse();
		clock.advance(Duration.ofSeconds(2));
		a.step();
		b.step();
		assertThat(ofRun(sentA, run)).hasSize(1);
		assertThat(ofRun(sentB, run)).isEmpty();

		// a stops renewing; once its lease expired b takes over, rebuilds from the
		// store, and the notification log keeps it from notifying the same again.
		clock.advance(Duration.ofSeconds(31));
		b.step();
		assertThat(b.leader()).isTrue();
		a.step();
		assertThat(a.leader()).isFalse();
		assertThat(ofRun(sentB, run)).isEmpty();

		String key = AlertingTestSupport.key(LabelSet.of(Map.of("alertname", "Lease", "run", run)));
		http.post("/api/v2/alerts", alert.formatted(run, ",\"endsAt\":\"" + clock.instant().minusSeconds(40) + "\""),
				Map.of());
		b.received(List.of(this.reader.find(key).orElseThrow()));
		a.received(List.of(this.reader.find(key).orElseThrow()));
		clock.advance(Duration.ofSeconds(2));
		a.step();
		b.step();
		assertThat(ofRun(sentB, run)).singleElement().satisfies((n) -> assertThat(n.status()).isEqualTo("resolved"));
		assertThat(ofRun(sentA, run)).hasSize(1);
	}

	@Test
	void aNewLeaseHolderDoesNotListAgainAResolutionTheOldOneSent() {
		Replicas r = replicas();
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		Instant start = r.clock().instant();
		postLease(http, run, "1", start, null);
		r.a().step();
		r.b().step();
		r.clock().advance(Duration.ofSeconds(2));
		r.a().step();
		r.a().received(List.of(postLease(http, run, "1", start, r.clock().instant())));
		r.clock().advance(Duration.ofSeconds(2));
		r.a().step();
		r.a().received(List.of(postLease(http, run, "2", r.clock().instant(), null)));
		r.clock().advance(Duration.ofSeconds(2));
		r.a().step();
		assertThat(ofRun(r.sentA(), run)).extracting(Notification::status)
			.containsExactly("firing", "resolved", "firing");
		assertThat(ofRun(r.sentA(), run).get(2).alerts()).hasSize(1);

		// b takes over: its groups hold the alert resolved a minute ago again, and
		// its receiver heard of that resolution, so nothing is news.
		r.clock().advance(Duration.ofSeconds(31));
		r.b().step();
		assertThat(r.b().leader()).isTrue();
		r.clock().advance(Duration.ofSeconds(2));
		r.b().step();
		assertThat(ofRun(r.sentB(), run)).isEmpty();
	}

	@Test
	void alertsWhoseEndPassedWhileNobodyDispatchedAreHeldFiringForAResolveTimeout() {
		Replicas r = replicas();
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		Instant start = r.clock().instant();
		// As Prometheus posts a firing alert: its end a few resend intervals ahead.
		postLease(http, run, "1", start, start.plusSeconds(40));
		r.a().step();
		r.b().step();
		r.clock().advance(Duration.ofSeconds(2));
		r.a().step();
		assertThat(ofRun(r.sentA(), run)).extracting(Notification::status).containsExactly("firing");

		// Every replica down a minute (a stops renewing; b is not stepped), so the
		// sender's re-sends were refused and the end passed: b takes over.
		r.clock().advance(Duration.ofSeconds(61));
		r.b().step();
		assertThat(r.b().leader()).isTrue();
		r.clock().advance(Duration.ofSeconds(2));
		r.b().step();
		assertThat(ofRun(r.sentB(), run)).as("no resolved page for an incident the sender could not renew").isEmpty();
		// Never re-sent: resolved once the hold is over.
		r.clock().advance(this.routing.resolveTimeout());
		r.b().step();
		assertThat(ofRun(r.sentB(), run)).extracting(Notification::status).containsExactly("resolved");
	}

	// Posts the alert {alertname="Lease", run, n} and returns it as stored.
	private StoredAlert postLease(AlertingTestSupport http, String run, String n, Instant startsAt,
			@Nullable Instant endsAt) {
		String alert = "[{\"labels\":{\"alertname\":\"Lease\",\"run\":\"%s\",\"n\":\"%s\"},\"startsAt\":\"%s\"%s}]"
			.formatted(run, n, startsAt, (endsAt != null) ? ",\"endsAt\":\"" + endsAt + "\"" : "");
		assertThat(http.post("/api/v2/alerts", alert, Map.of()).statusCode()).isEqualTo(200);
		return this.reader.find(AlertingTestSupport.key(LabelSet.of(Map.of("alertname", "Lease", "run", run, "n", n))))
			.orElseThrow();
	}

	@Test
	void aNewLeaseHolderCountsTheEarlierStartsOfAnAlertFromItsHistoryOnce() throws InterruptedException {
		// Three starts of one alert, two of another: the store keeps only each one's
		// latest; the earlier ones are history rows.
		String run = flaps(3);
		String steady = flaps(2);

		// A replica that never saw them takes the lease and rebuilds from the store.
		ManualClock clock = new ManualClock(Instant.now());
		List<Notification> sent = new CopyOnWriteArrayList<>();
		DispatchService holder = service("test-" + UUID.randomUUID(), "a", clock, sent);
		holder.step();
		assertThat(holder.leader()).isTrue();
		clock.advance(Duration.ofSeconds(2));
		holder.step();
		assertThat(ofRun(sent, run)).singleElement()
			.satisfies((n) -> assertThat(n.alerts()).singleElement()
				.satisfies((a) -> assertThat(a.annotations()).containsEntry("flapping", "true")));
		// The latest start is counted once, not again as the history row that recorded
		// it.
		assertThat(ofRun(sent, steady)).singleElement()
			.satisfies((n) -> assertThat(n.alerts()).singleElement()
				.satisfies((a) -> assertThat(a.annotations()).doesNotContainKey("flapping")));
	}

	// Posts an alert of a new run that starts, resolves and starts again, so many times
	// in
	// all; returns the run.
	private String flaps(int starts) throws InterruptedException {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		String alert = "[{\"labels\":{\"alertname\":\"Flappy\",\"run\":\"%s\"},%s}]";
		Instant t = Instant.now().minusSeconds(60);
		for (int i = 1; i < starts; i++) {
			Instant start = t.plusSeconds(20L * i);
			for (String times : List.of("\"startsAt\":\"" + start + "\"",
					"\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(10) + "\"")) {
				assertThat(http.post("/api/v2/alerts", alert.formatted(run, times), Map.of()).statusCode())
					.isEqualTo(200);
			}
		}
		Thread.sleep(20);
		assertThat(http.post("/api/v2/alerts", alert.formatted(run, "\"startsAt\":\"" + Instant.now() + "\""), Map.of())
			.statusCode()).isEqualTo(200);
		return run;
	}

	@Test
	void alertsStoredThroughAnotherReplicaReachTheLeaseHolderThroughTheStore() {
		ManualClock clock = new ManualClock(Instant.now());
		List<Notification> sent = new CopyOnWriteArrayList<>();
		// Not fed by this JVM's commits and named apart from its writer: to this holder,
		// the gateway under test is another replica.
		DispatchService holder = service("test-" + UUID.randomUUID(), "a", clock, sent);
		holder.step();
		assertThat(holder.leader()).isTrue();
		String run = UUID.randomUUID().toString();
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		assertThat(http
			.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Elsewhere\",\"run\":\"%s\"}}]".formatted(run),
					Map.of())
			.statusCode()).isEqualTo(200);
		holder.step();
		assertThat(ofRun(sent, run)).as("not polled before store-poll passed").isEmpty();
		clock.advance(Duration.ofSeconds(3));
		holder.step();
		clock.advance(Duration.ofSeconds(1));
		holder.step();
		assertThat(ofRun(sent, run)).singleElement()
			.satisfies((n) -> assertThat(n.alerts()).singleElement()
				.satisfies((a) -> assertThat(a.labels().get("alertname")).isEqualTo("Elsewhere")));
	}

	@Test
	void aFlushEnqueuesAndLogsInOneTransactionAndAFailedOneIsSentAgainAfterTheRebuild() {
		ManualClock clock = new ManualClock(Instant.now());
		String run = UUID.randomUUID().toString();
		AtomicBoolean failOnce = new AtomicBoolean(true);
		List<Notification> sent = new CopyOnWriteArrayList<>();
		DispatchService service = service("test-" + UUID.randomUUID(), "a", clock, sent, (notification) -> {
			Delivery delivery = this.notifier.toDelivery(notification);
			// The outbox's receiver column holds 200 characters: this INSERT fails.
			return (run.equals(notification.groupLabels().get("run")) && failOnce.getAndSet(false))
					? new Delivery("r".repeat(300), delivery.integration(), delivery.groupKey(), delivery.payload())
					: delivery;
		});
		assertThat(new AlertingTestSupport(this.port)
			.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Flush\",\"run\":\"%s\"}}]".formatted(run), Map.of())
			.statusCode()).isEqualTo(200);
		double failuresBefore = this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count();
		service.step();
		clock.advance(Duration.ofSeconds(2));
		service.step();
		// Past the retry delay; other tests' groups may be due too, a few per flush: step
		// until none is.
		clock.advance(DispatchService.FIRST_FLUSH_RETRY);
		for (int i = 0; i < 5; i++) {
			service.step();
		}

		assertThat(failOnce).as("the failing flush ran").isFalse();
		assertThat(this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count() - failuresBefore).isEqualTo(1);
		assertThat(ofRun(sent, run)).as("committed once, by the flush after the rebuild").hasSize(1);
		String groupKey = ofRun(sent, run).get(0).groupKey();
		assertThat(this.dsl.fetchCount(OUTBOX, OUTBOX.GROUP_KEY.eq(groupKey))).isEqualTo(1);
		assertThat(this.dsl.fetchCount(NOTIFICATION_LOG, NOTIFICATION_LOG.GROUP_KEY.eq(groupKey))).isEqualTo(1);
	}

	// A flush that cannot commit rebuilds the groups, which are due again at once: it
	// once ran ~60 times a second against the database.
	@Test
	void aFlushThatKeepsFailingIsRetriedAfterDoublingDelays() {
		ManualClock clock = new ManualClock(Instant.now());
		String run = UUID.randomUUID().toString();
		List<Notification> sent = new CopyOnWriteArrayList<>();
		DispatchService service = service("test-" + UUID.randomUUID(), "a", clock, sent, (notification) -> {
			Delivery delivery = this.notifier.toDelivery(notification);
			return run.equals(notification.groupLabels().get("run"))
					? new Delivery("r".repeat(300), delivery.integration(), delivery.groupKey(), delivery.payload())
					: delivery;
		});
		assertThat(new AlertingTestSupport(this.port)
			.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Flush\",\"run\":\"%s\"}}]".formatted(run), Map.of())
			.statusCode()).isEqualTo(200);
		service.step();
		clock.advance(Duration.ofSeconds(2));
		double before = this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count();

		assertThat(service.step()).as("sleeps until the retry").isEqualTo(Duration.ofMillis(100));
		service.step();
		assertThat(this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count() - before).isEqualTo(1);
		clock.advance(Duration.ofMillis(100));
		assertThat(service.step()).isEqualTo(Duration.ofMillis(200));
		clock.advance(Duration.ofMillis(100));
		assertThat(service.step()).isEqualTo(Duration.ofMillis(100));
		assertThat(this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count() - before).isEqualTo(2);
		for (int i = 0; i < 10; i++) {
			clock.advance(Duration.ofSeconds(5));
			service.step();
		}
		double capped = this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count();
		clock.advance(DispatchService.MAX_FLUSH_RETRY.minusMillis(100));
		service.step();
		assertThat(this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count()).isEqualTo(capped);
		clock.advance(Duration.ofMillis(100));
		service.step();
		assertThat(this.meters.counter(DispatchMetrics.FLUSH_FAILURES).count()).as("at most MAX_FLUSH_RETRY apart")
			.isEqualTo(capped + 1);
		assertThat(ofRun(sent, run)).isEmpty();
	}

	@Test
	void timerSleepsUntilTheNextGroupIsDueOrTheStoreIsPolled() {
		// A day ahead, so no stored alert is recent enough to be rebuilt into a group.
		ManualClock clock = new ManualClock(Instant.now().plus(Duration.ofDays(1)));
		DispatchService service = service("test-" + UUID.randomUUID(), "a", clock, new CopyOnWriteArrayList<>());
		assertThat(service.step()).as("the store poll comes before the lease renewal")
			.isEqualTo(PROPERTIES.storePoll());
		String run = UUID.randomUUID().toString();
		service.received(
				List.of(new StoredAlert("am:x", "alertmanager", LabelSet.of(Map.of("alertname", "Timer", "run", run)),
						Map.of(), "", clock.instant(), clock.instant().plusSeconds(300), clock.instant(), false)));
		assertThat(service.step()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void silencesSavedHereCountAtTheNextFlushAndOnesWrittenElsewhereWithinTheRefresh() {
		StoredSilencer silencer = new StoredSilencer(this.silences, this.routing, Duration.ofSeconds(1));
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		LabelSet elsewhere = LabelSet.of(Map.of("run", UUID.randomUUID().toString()));
		LabelSet here = LabelSet.of(Map.of("run", UUID.randomUUID().toString()));
		silencer.refresh(t0);
		// Another replica's silence: a row in the table this process's store did not
		// write.
		String otherId = UUID.randomUUID().toString();
		this.dsl.insertInto(SILENCE)
			.set(SILENCE.ID, otherId)
			.set(SILENCE.MATCHERS,
					"[{\"name\":\"run\",\"value\":\"" + elsewhere.get("run")
							+ "\",\"isRegex\":false,\"isEqual\":true}]")
			.set(SILENCE.STARTS_AT, utc(t0.minusSeconds(1)))
			.set(SILENCE.ENDS_AT, utc(t0.plus(Duration.ofHours(1))))
			.set(SILENCE.CREATED_BY, "replica-b")
			.set(SILENCE.COMMENT, "written elsewhere")
			.set(SILENCE.UPDATED_AT, utc(t0))
			.execute();
		silencer.refresh(t0.plusMillis(900));
		assertThat(silencer.silencedBy(elsewhere, t0.plusMillis(900))).as("not read again within the refresh")
			.isEmpty();
		silencer.refresh(t0.plusSeconds(1));
		assertThat(silencer.silencedBy(elsewhere, t0.plusSeconds(1))).containsExactly(otherId);

		String hereId = UUID.randomUUID().toString();
		this.silences
			.save(new StoredSilence(hereId, List.of(new StoredSilence.Matcher("run", here.get("run"), false, true)), t0,
					t0.plus(Duration.ofHours(1)), "tester", "saved here", null, t0));
		silencer.refresh(t0.plusMillis(1100));
		assertThat(silencer.silencedBy(here, t0.plusMillis(1100))).as("a save here is read at the next flush")
			.containsExactly(hereId);
		assertThat(silencer.silencedBy(elsewhere, t0.plus(Duration.ofHours(2)))).as("times are checked on use")
			.isEmpty();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	// Two replicas on one lease and a manual clock, with what each flush committed.
	private record Replicas(ManualClock clock, DispatchService a, DispatchService b, List<Notification> sentA,
			List<Notification> sentB) {
	}

	private Replicas replicas() {
		String lease = "test-" + UUID.randomUUID();
		ManualClock clock = new ManualClock(Instant.now());
		List<Notification> sentA = new CopyOnWriteArrayList<>();
		List<Notification> sentB = new CopyOnWriteArrayList<>();
		return new Replicas(clock, service(lease, "a", clock, sentA), service(lease, "b", clock, sentB), sentA, sentB);
	}

	private DispatchService service(String lease, String holder, ManualClock clock, List<Notification> sent) {
		return service(lease, holder, clock, sent, this.notifier::toDelivery);
	}

	// sent: what each flush committed.
	private DispatchService service(String lease, String holder, ManualClock clock, List<Notification> sent,
			Function<Notification, Delivery> render) {
		OutboxFlush outbox = new OutboxFlush(this.dataSource, render, (held) -> {
		}, this.outbox);
		this.flushes.add(outbox);
		return new DispatchService(this.routing, this.reader,
				new StoredSilencer(this.silences, this.routing, PROPERTIES.silenceRefresh()),
				new JdbcNotificationLog(this.dsl), outbox, sent::addAll,
				new DispatchLease(this.dsl, lease, holder, PROPERTIES.leaseTtl()), "replica-" + holder, clock,
				PROPERTIES, this.meters);
	}

	private static List<Notification> ofRun(List<Notification> sent, String run) {
		return sent.stream().filter((n) -> run.equals(n.groupLabels().get("run"))).toList();
	}

}
