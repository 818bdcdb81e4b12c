package io.zgw.gateway.alerting;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the running notification pipeline end to end: alerts posted to the Alertmanager
 * API or the Zabbix webhook reach a real webhook receiver as Alertmanager webhook v4
 * notifications after group_wait, resolve, replay and silences behave as Alertmanager.
 * The delivery poll interval is an hour, so only the dispatcher's nudge can deliver in
 * time. A database of its own keeps other test contexts' dispatchers out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.notify.poll-interval=1h", "zgw.alerting.dispatch.lease-ttl=4s",
				"zgw.alerting.dispatch.lease-renew=1s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class NotificationPipelineIntegrationTests {

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: hook
			  group_by: [alertname, run]
			  group_wait: 1s
			  group_interval: 1s
			  repeat_interval: 1h
			receivers:
			  - name: hook
			    webhook_configs: [{url: '%s'}]
			""".formatted(RECEIVER.url("/hook")));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "pipeline", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Test
	void postedAlertIsNotifiedAfterGroupWaitThenResolvedAndAReplayNotifiesNothingNew() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		String alert = "{\"labels\":{\"alertname\":\"Pipeline\",\"run\":\"%s\"}%s}";
		Instant posted = Instant.now();
		assertThat(http.post("/api/v2/alerts", "[" + alert.formatted(run, "") + "]", Map.of()).statusCode())
			.isEqualTo(200);
		JsonNode firing = payload(awaitFor(run, 1).get(0));
		Duration latency = Duration.between(posted, awaitFor(run, 1).get(0).at());
		assertThat(firing.get("version").asString()).isEqualTo("4");
		assertThat(firing.get("status").asString()).isEqualTo("firing");
		assertThat(firing.get("receiver").asString()).isEqualTo("hook");
		assertThat(firing.get("groupLabels").get("run").asString()).isEqualTo(run);
		assertThat(firing.get("alerts").get(0).get("labels").get("alertname").asString()).isEqualTo("Pipeline");
		// group_wait is 1 s; delivery polls hourly, so only the nudge gets it here in
		// time.
		assertThat(latency).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
		assertThat(this.meters.get("zgw.dispatch.flush.lag").timer().count()).isPositive();

		String resolved = alert.formatted(run, ",\"endsAt\":\"" + Instant.now().minusSeconds(1) + "\"");
		assertThat(http.post("/api/v2/alerts", "[" + resolved + "]", Map.of()).statusCode()).isEqualTo(200);
		JsonNode resolvedPayload = payload(awaitFor(run, 2).get(1));
		assertThat(resolvedPayload.get("status").asString()).isEqualTo("resolved");
		assertThat(resolvedPayload.get("alerts").get(0).get("status").asString()).isEqualTo("resolved");

		// Replay the resolved alert, then post a sentinel in another group that is due
		// later: when the sentinel arrives, the replay's group has been flushed.
		http.post("/api/v2/alerts", "[" + resolved + "]", Map.of());
		String sentinel = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", "[" + alert.formatted(sentinel, "") + "]", Map.of());
		awaitFor(sentinel, 1);
		assertThat(RECEIVER.received().stream().filter((r) -> r.body().contains(run))).hasSize(2);
	}

	// outbox.group_key once held 512 characters: a longer key failed every flush, and
	// with it every other group's notifications.
	@Test
	void alertWithAGroupKeyOfThousandsOfCharactersIsNotifiedAndBlocksNoOtherGroup() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		String longName = "Disk " + "full ".repeat(400);
		assertThat(http
			.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"%s\",\"run\":\"%s\"}}]".formatted(longName, run),
					Map.of())
			.statusCode()).isEqualTo(200);
		String sentinel = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Pipeline\",\"run\":\"%s\"}}]".formatted(sentinel),
				Map.of());

		assertThat(payload(awaitFor(sentinel, 1).get(0)).get("status").asString()).isEqualTo("firing");
		JsonNode notified = payload(awaitFor(run, 1).get(0));
		assertThat(notified.get("groupKey").asString()).hasSizeGreaterThan(2000).contains(run);
	}

	@Test
	void silenceCreatedThroughTheApiMutesItsAlertsButNotTheRestOfTheGroup() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		String silence = """
				{"matchers":[{"name":"host","value":"muted","isRegex":false,"isEqual":true},
				             {"name":"run","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"test","comment":"pipeline test"}
				""".formatted(run, Instant.now(), Instant.now().plusSeconds(3600));
		assertThat(http.post("/api/v2/silences", silence, Map.of()).statusCode()).isEqualTo(200);
		http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Pipeline","run":"%s","host":"muted"}},
				 {"labels":{"alertname":"Pipeline","run":"%s","host":"loud"}}]
				""".formatted(run, run), Map.of());
		JsonNode notified = payload(awaitFor(run, 1).get(0));
		assertThat(notified.get("alerts")).hasSize(1);
		assertThat(notified.get("alerts").get(0).get("labels").get("host").asString()).isEqualTo("loud");
	}

	@Test
	void zabbixProblemIsNotifiedOnceCommitted() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		long eventId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		assertThat(zabbixEvent(http, "Pipeline Zabbix", "web-" + eventId, eventId, true)).isEqualTo(200);
		String marker = "\"event_id\":\"" + eventId + "\"";
		List<RecordingReceiver.Received> got = RECEIVER.awaitMatching(1, (r) -> r.body().contains(marker),
				Duration.ofSeconds(10));
		assertThat(got).hasSize(1);
		// Earlier runs' problems still fire in the same group: pick this run's.
		JsonNode alert = null;
		for (JsonNode candidate : payload(got.get(0)).get("alerts")) {
			if (candidate.get("labels").get("host").asString().equals("web-" + eventId)) {
				alert = candidate;
			}
		}
		assertThat(alert).as("alert of host web-%d", eventId).isNotNull();
		assertThat(alert.get("labels").get("shard").asString()).isEqualTo("shop");
		assertThat(alert.get("status").asString()).isEqualTo("firing");
	}

	// A trigger in Zabbix's multiple problem generation mode opens problems with the
	// same labels: the recovery of one once sent "resolved" while the other still fired.
	@Test
	void labelsSharedByTwoOpenZabbixProblemsResolveOnlyWhenBothHaveRecovered() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		String run = UUID.randomUUID().toString();
		long first = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		assertThat(zabbixEvent(http, "Multi mode " + run, "web-" + run, first, true)).isEqualTo(200);
		assertThat(zabbixEvent(http, "Multi mode " + run, "web-" + run, first + 1, true)).isEqualTo(200);
		assertThat(payload(awaitFor(run, 1).get(0)).get("status").asString()).isEqualTo("firing");

		assertThat(zabbixEvent(http, "Multi mode " + run, "web-" + run, first, false)).isEqualTo(200);
		String sentinel = UUID.randomUUID().toString();
		http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"Pipeline\",\"run\":\"%s\"}}]".formatted(sentinel),
				Map.of());
		awaitFor(sentinel, 1);
		assertThat(RECEIVER.received().stream().filter((r) -> r.body().contains(run))).as("nothing resolved yet")
			.hasSize(1);

		assertThat(zabbixEvent(http, "Multi mode " + run, "web-" + run, first + 1, false)).isEqualTo(200);
		assertThat(payload(awaitFor(run, 2).get(1)).get("status").asString()).isEqualTo("resolved");
	}

	// Posts the problem (started a minute ago) or the recovery of event id of trigger 7
	// as
	// the webhook.
	private static int zabbixEvent(AlertingTestSupport http, String name, String host, long eventId, boolean problem)
			throws Exception {
		DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
		Instant now = Instant.now();
		String body = """
				{"shard":"shop","event_id":"%d","event_value":"%s","event_severity":"High","event_nseverity":"4",
				 "event_name":"%s","host_name":"Web","host_host":"%s","event_tags":[],
				 "trigger_id":"7","event_recovery_id":"%s","event_update_status":"0","event_update_action":"",
				 "event_update_message":"","event_update_user":"","event_opdata":"","event_date":"%s",
				 "event_time":"%s","event_recovery_date":"%s","event_recovery_time":"%s","sent_at":0}
				""".formatted(eventId, problem ? "1" : "0", name, host, problem ? "" : eventId + 100,
				date.format(now.minusSeconds(60)), time.format(now.minusSeconds(60)), problem ? "" : date.format(now),
				problem ? "" : time.format(now));
		return http
			.post("/api/v1/zabbix/events", body, Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret"))
			.statusCode();
	}

	private List<RecordingReceiver.Received> awaitFor(String run, int count) throws InterruptedException {
		List<RecordingReceiver.Received> got = RECEIVER.awaitMatching(count, (r) -> r.body().contains(run),
				Duration.ofSeconds(10));
		assertThat(got).as("notifications for %s", run).hasSizeGreaterThanOrEqualTo(count);
		return got;
	}

	private JsonNode payload(RecordingReceiver.Received received) {
		return this.json.readTree(received.body());
	}

}
