package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests a route's {@code escalation} (zgw extension) in the running gateway: the on-call
 * member is paged with the group's first notification, the next step only while nobody
 * acknowledged, whether the alert is a Zabbix problem acknowledged in Zabbix or an
 * Alertmanager-API alert acknowledged through zgw's API, which re-sends do not undo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class EscalationIntegrationTests {

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	// The second step comes 5 s after the first page: time enough to acknowledge. The
	// chain would start over after an hour, long after the tests.
	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: team
			  group_by: [host]
			  group_wait: 1s
			  group_interval: 1h
			  repeat_interval: 4h
			  escalation:
			    - schedule: primary
			    - {after: 5s, receiver: manager}
			    - {after: 1h, repeat: 1}
			  routes:
			    - matchers: [alertname="Rotating"]
			      escalation:
			        - {round_robin: [alice, manager]}
			oncall_schedules:
			  - name: primary
			    rotations:
			      - {members: [alice], start: '2020-01-06T09:00:00Z', shift: 1w}
			  - name: office-hours
			    location: Europe/Berlin
			    rotations:
			      - {calendar_file: '%s', member_pattern: 'Office: (.+)'}
			receivers:
			  - {name: team, webhook_configs: [{url: '%s'}]}
			  - {name: alice, webhook_configs: [{url: '%s'}]}
			  - {name: manager, webhook_configs: [{url: '%s'}]}
			""".formatted(PipelineTestSupport.tempFile("office-hours-", ".ics", """
			BEGIN:VCALENDAR
			BEGIN:VEVENT
			UID:office
			SUMMARY:Office: manager
			DTSTART:20200106T090000
			DTEND:20200106T170000
			RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR
			END:VEVENT
			END:VCALENDAR
			"""), RECEIVER.url("/team"), RECEIVER.url("/alice"), RECEIVER.url("/manager")));

	static final Map<String, String> SHOP = Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "escalation", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	AlertReader reader;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DSLContext dsl;

	// A Zabbix problem on a host of this run's own, so its group is new.
	private static String problem(String host) {
		return ZabbixWebhookIntegrationTests
			.problem("shop", ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2))
			.replace("\"host_host\":\"web01\"", "\"host_host\":\"" + host + "\"");
	}

	private static long pages(String path, String host) {
		return RECEIVER.received().stream().filter((r) -> r.path().equals(path) && r.body().contains(host)).count();
	}

	@Test
	void anUnacknowledgedZabbixProblemEscalatesAndAnAcknowledgedOneStops() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String ignored = "db-" + UUID.randomUUID();
		String taken = "db-" + UUID.randomUUID();
		String takenProblem = problem(taken);
		assertThat(http.post("/api/v1/zabbix/events", problem(ignored), SHOP).statusCode()).isEqualTo(200);
		assertThat(http.post("/api/v1/zabbix/events", takenProblem, SHOP).statusCode()).isEqualTo(200);
		// The team and whoever is on call hear of both at once.
		for (String host : new String[] { ignored, taken }) {
			RECEIVER.awaitMatching(1, (r) -> r.path().equals("/team") && r.body().contains(host),
					Duration.ofSeconds(10));
			RECEIVER.awaitMatching(1, (r) -> r.path().equals("/alice") && r.body().contains(host),
					Duration.ofSeconds(10));
		}
		String acknowledgement = ZabbixWebhookIntegrationTests.acknowledgement(takenProblem);
		assertThat(http.post("/api/v1/zabbix/events", acknowledgement, SHOP).statusCode()).isEqualTo(200);

		// Five seconds on, the manager is paged for the problem nobody took.
		assertThat(RECEIVER.awaitMatching(1, (r) -> r.path().equals("/manager") && r.body().contains(ignored),
				Duration.ofSeconds(15)))
			.hasSize(1);
		Thread.sleep(3000);
		assertThat(pages("/manager", taken)).as("manager pages for the acknowledged problem").isZero();
		assertThat(this.meters.counter(DispatchMetrics.ESCALATION_PAGES, DispatchMetrics.TAG_STEP, "2").count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.meters.counter(DispatchMetrics.ESCALATION_PAGES, DispatchMetrics.TAG_STEP, "1").count())
			.isGreaterThanOrEqualTo(2);
		assertThat(this.meters.find(DispatchMetrics.ESCALATION_PAGES).tag(DispatchMetrics.TAG_STEP, "3").counter())
			.as("the step that starts the chain over pages no one itself")
			.isNull();
	}

	@Test
	void anAlertAcknowledgedThroughTheApiStaysAcknowledgedAcrossResendsAndStopsTheEscalation() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String host = "api-" + UUID.randomUUID();
		String alert = "[{\"labels\":{\"alertname\":\"QueueStuck\",\"host\":\"" + host + "\"}}]";
		assertThat(http.post("/api/v2/alerts", alert, Map.of()).statusCode()).isEqualTo(200);
		RECEIVER.awaitMatching(1, (r) -> r.path().equals("/alice") && r.body().contains(host), Duration.ofSeconds(10));

		String fingerprint = LabelSet.of(Map.of("alertname", "QueueStuck", "host", host)).fingerprintHex();
		HttpResponse<String> acked = http.post("/api/v1/alerts/" + fingerprint + "/acknowledge",
				"{\"message\":\"looking\"}", Map.of());
		assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
		assertThat(acked.body()).contains("\"acknowledged\":true");
		// Prometheus re-sends the alert while it fires: still acknowledged, in the store
		// and for the dispatcher.
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/api/v2/alerts", alert, Map.of()).statusCode()).isEqualTo(200);
			Thread.sleep(1000);
		}
		assertThat(stored(fingerprint).acknowledged()).isTrue();
		Thread.sleep(4000);
		assertThat(pages("/manager", host)).as("manager pages for the acknowledged alert").isZero();
		JsonNode history = http.getJson("/api/v1/alerts/history?fingerprint=" + fingerprint);
		assertThat(history.toString()).contains("\"kind\":\"acknowledged\"", "\"message\":\"looking\"", "\"user\":\"");

		// It resolves and fires anew: the new occurrence is nobody's yet.
		String resolved = "[{\"labels\":{\"alertname\":\"QueueStuck\",\"host\":\"" + host + "\"},\"endsAt\":\""
				+ Instant.now().minusSeconds(1) + "\"}]";
		assertThat(http.post("/api/v2/alerts", resolved, Map.of()).statusCode()).isEqualTo(200);
		String refired = "[{\"labels\":{\"alertname\":\"QueueStuck\",\"host\":\"" + host + "\"},\"startsAt\":\""
				+ Instant.now().plusSeconds(1) + "\"}]";
		Thread.sleep(1500);
		assertThat(http.post("/api/v2/alerts", refired, Map.of()).statusCode()).isEqualTo(200);
		assertThat(stored(fingerprint).acknowledged()).isFalse();
	}

	@Test
	void aRoundRobinStepPagesOneMemberPerEscalationInTurnKeepingTheTurnsInTheDatabase() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		// Turns outlive the context: the first member is whoever's turn the database
		// says.
		List<String> paged = new ArrayList<>();
		List<String> hosts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String host = "rr-" + UUID.randomUUID();
			hosts.add(host);
			String alert = "[{\"labels\":{\"alertname\":\"Rotating\",\"host\":\"" + host + "\"}}]";
			assertThat(http.post("/api/v2/alerts", alert, Map.of()).statusCode()).isEqualTo(200);
			RecordingReceiver.Received page = RECEIVER
				.awaitMatching(1, (r) -> Set.of("/alice", "/manager").contains(r.path()) && r.body().contains(host),
						Duration.ofSeconds(10))
				.get(0);
			paged.add(page.path());
		}
		Thread.sleep(1000);
		String first = paged.get(0);
		String second = first.equals("/alice") ? "/manager" : "/alice";
		assertThat(paged).containsExactly(first, second, first);
		assertThat(RECEIVER.received()
			.stream()
			.filter((r) -> !r.path().equals("/team") && hosts.stream().anyMatch(r.body()::contains)))
			.as("one page per escalation")
			.hasSize(3);
		assertThat(this.dsl
			.fetch("SELECT receiver FROM notification_log WHERE group_key = ? ORDER BY sent_at",
					"round-robin:alice,manager")
			.getValues(0, String.class)).containsExactly(second.substring(1), first.substring(1));
	}

	@Test
	void acknowledgingNamesWhatIsWrong() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		assertThat(http.post("/api/v1/alerts/XYZ/acknowledge", "", Map.of()).body())
			.contains("\"parameter\":\"fingerprint\"");
		HttpResponse<String> unknown = http.post("/api/v1/alerts/0123456789abcdef/acknowledge", "", Map.of());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		String host = "zbx-" + UUID.randomUUID();
		String zabbixProblem = problem(host);
		assertThat(http.post("/api/v1/zabbix/events", zabbixProblem, SHOP).statusCode()).isEqualTo(200);
		StoredAlert zabbix = this.reader.firingAt(Instant.now())
			.stream()
			.filter((a) -> host.equals(a.labels().get("host")))
			.findFirst()
			.orElseThrow();
		// A Zabbix alert is acknowledged on its shard, which does not answer here.
		HttpResponse<String> unreachable = http.post("/api/v1/alerts/" + zabbix.fingerprint() + "/acknowledge", "",
				Map.of());
		assertThat(unreachable.statusCode()).as(unreachable.body()).isEqualTo(502);
		assertThat(unreachable.body()).contains("every asked shard failed: shop");
		assertThat(this.reader.find(zabbix.alertKey()).orElseThrow().acknowledged()).isFalse();

		String fingerprint = LabelSet.of(Map.of("alertname", "Long")).fingerprintHex();
		http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Long\"}}]", Map.of());
		HttpResponse<String> tooLong = http.post("/api/v1/alerts/" + fingerprint + "/acknowledge",
				"{\"message\":\"" + "x".repeat(2049) + "\"}", Map.of());
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("\"parameter\":\"message\"");
		// A key of another business line is told the alert does not exist.
		String pay = http.createKey("operator", "[\"pay\"]");
		assertThat(new AlertingTestSupport(this.port, pay)
			.post("/api/v1/alerts/" + fingerprint + "/acknowledge", "", Map.of())
			.statusCode()).isEqualTo(404);
		String viewer = http.createKey("viewer", "[\"*\"]");
		assertThat(new AlertingTestSupport(this.port, viewer)
			.post("/api/v1/alerts/" + fingerprint + "/acknowledge", "", Map.of())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theOnCallApiSaysWhoIsOnCallNowOrAtAnotherTime() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		assertThat(http.getJson("/api/v1/oncall").get("schedules").get(0).toString())
			.isEqualTo("{\"name\":\"primary\",\"onCall\":\"alice\",\"until\":null,\"next\":null}");
		JsonNode before = http.getJson("/api/v1/oncall?at=2019-12-31T23:00:00%2B01:00");
		assertThat(before.get("at").asString()).isEqualTo("2019-12-31T22:00:00Z");
		assertThat(before.get("schedules").get(0).get("onCall").isNull()).isTrue();
		// The calendar's weekday office hours, in the schedule's location.
		JsonNode tuesday = http.getJson("/api/v1/oncall?at=2026-12-08T16:59:00%2B01:00");
		assertThat(tuesday.get("schedules").get(1).toString()).isEqualTo(
				"{\"name\":\"office-hours\",\"onCall\":\"manager\",\"until\":\"2026-12-08T16:00:00Z\",\"next\":null}");
		// Friday evening: nobody until Monday morning.
		JsonNode weekend = http.getJson("/api/v1/oncall?at=2026-12-11T17:30:00%2B01:00");
		assertThat(weekend.get("schedules").get(1).toString()).isEqualTo(
				"{\"name\":\"office-hours\",\"onCall\":null,\"until\":\"2026-12-14T08:00:00Z\",\"next\":\"manager\"}");
		// The calendar's shifts of one week, nobody's spans included.
		JsonNode week = http
			.getJson("/api/v1/oncall/office-hours/shifts?from=2026-12-11T00:00:00Z&to=2026-12-15T00:00:00Z");
		assertThat(week.get("shifts").toString()).isEqualTo("[{\"onCall\":null,\"from\":\"2026-12-11T00:00:00Z\","
				+ "\"to\":\"2026-12-11T08:00:00Z\"},{\"onCall\":\"manager\",\"from\":\"2026-12-11T08:00:00Z\","
				+ "\"to\":\"2026-12-11T16:00:00Z\"},{\"onCall\":null,\"from\":\"2026-12-11T16:00:00Z\","
				+ "\"to\":\"2026-12-14T08:00:00Z\"},{\"onCall\":\"manager\",\"from\":\"2026-12-14T08:00:00Z\","
				+ "\"to\":\"2026-12-14T16:00:00Z\"},{\"onCall\":null,\"from\":\"2026-12-14T16:00:00Z\","
				+ "\"to\":\"2026-12-15T00:00:00Z\"}]");
		assertThat(http.get("/api/v1/oncall/nobody/shifts").statusCode()).isEqualTo(404);
		HttpResponse<String> tooLong = http
			.get("/api/v1/oncall/office-hours/shifts?from=2026-12-01T00:00:00Z&to=2027-01-15T00:00:00Z");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("\"parameter\":\"to\"", "at most 31 days");
		HttpResponse<String> bad = http.get("/api/v1/oncall?at=tomorrow");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"parameter\":\"at\"");
	}

	@Test
	void eachSchedulesNextGapIsExported() {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String metrics = http.get("/actuator/prometheus").body();
		// alice's weekly rotation has no end: no gap within the week looked ahead.
		assertThat(metrics).contains("zgw_oncall_next_gap_seconds{schedule=\"primary\"} 604800.0");
		// Office hours end within a day, or have ended (0: nobody on call now).
		Matcher officeHours = Pattern.compile("zgw_oncall_next_gap_seconds\\{schedule=\"office-hours\"} (\\S+)")
			.matcher(metrics);
		assertThat(officeHours.find()).as(metrics).isTrue();
		assertThat(Double.parseDouble(officeHours.group(1))).isBetween(0.0, 8 * 3600.0);
	}

	private StoredAlert stored(String fingerprint) {
		return this.reader.byFingerprint(fingerprint).stream().findFirst().orElseThrow();
	}

}
