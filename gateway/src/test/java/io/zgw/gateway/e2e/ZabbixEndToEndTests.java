package io.zgw.gateway.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.query.LabShards;
import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.RoutingFiles;
import io.zgw.gateway.testsupport.WebhookTap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zabbix end to end on the lab's real shards: a trapper value above the threshold on both
 * shards raises two problems with the same Zabbix event id, the shards' webhooks deliver
 * them to the gateway, which stores two distinct alerts and notifies a real webhook
 * receiver per group of the routing file; a value below resolves both, and a replayed
 * webhook body changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zgw.security.bootstrap-admin-key=" + ZabbixEndToEndTests.KEY)
@ActiveProfiles("it")
class ZabbixEndToEndTests {

	static final String KEY = "e2e-zabbix-admin-key-0123456789ab";

	private static final String HOST_SUFFIX = "-web-17";

	private static final String FILLER_HOST_SUFFIX = "-web-18";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<LabShard> LAB = LabShards.load();

	private static final RecordingReceiver RECEIVER = new RecordingReceiver();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		E2e.useDatabase(registry, "zabbix");
		LabShards.register(registry, LAB, Duration.ofSeconds(5));
		registry.add("zgw.alerting.routing-config-file",
				() -> RoutingFiles.webhook("e2e-zabbix", RECEIVER.url("/zabbix")));
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void sameEventIdOnTwoShardsIsTwoAlertsNotifiedPerShardThenResolvedAndAReplayChangesNothing() throws Exception {
		List<LabShardControl> shards = LAB.stream().map(LabShardControl::new).toList();
		assertThat(shards).extracting(LabShardControl::name).contains("shop", "pay");
		AlertingTestSupport gateway = new AlertingTestSupport(this.port, KEY);
		List<String> triggerIds = new ArrayList<>();
		for (LabShardControl shard : shards) {
			shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "0");
			triggerIds.add(shard.triggerId(shard.name() + HOST_SUFFIX, E2e.TRIGGER));
		}
		assertThat(Set.copyOf(triggerIds)).as("the seeded shards share trigger ids").hasSize(1);
		String triggerId = triggerIds.get(0);
		shards.forEach((s) -> s.awaitTriggerValue(triggerId, 0, E2e.DELIVERY));

		try (WebhookTap tap = new WebhookTap(URI.create("http://127.0.0.1:" + this.port + "/api/v1/zabbix/events"));
				LabShardControl.Undo filler = LabShardControl.alignEventIds(shards, FILLER_HOST_SUFFIX, E2e.ITEM,
						E2e.TRIGGER);
				LabShardControl.Undo webhooks = redirectAll(shards, tap.url())) {
			try {
				for (LabShardControl shard : shards) {
					shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "20");
				}
				shards.forEach((s) -> s.awaitTriggerValue(triggerId, 1, E2e.DELIVERY));
				Set<String> eventIds = shards.stream()
					.flatMap((s) -> s.openProblemEventIds(triggerId).stream())
					.collect(Collectors.toSet());
				assertThat(eventIds)
					.as("one open problem per shard, with the same Zabbix event id (ids aligned just before;"
							+ " another test pushing values on one shard meanwhile makes them drift)")
					.hasSize(1);
				String eventId = eventIds.iterator().next();

				List<JsonNode> alerts = awaitAlerts(gateway, triggerId, eventId, shards.size());
				assertThat(alerts).extracting((a) -> a.path("labels").path("shard").asString())
					.containsExactlyInAnyOrderElementsOf(shards.stream().map(LabShardControl::name).toList());
				assertThat(alerts).allSatisfy((a) -> assertThat(a.path("labels").path("business_line").asString())
					.isEqualTo(a.path("labels").path("shard").asString()));
				Map<String, String> fingerprintByShard = alerts.stream()
					.collect(Collectors.toMap((a) -> a.path("labels").path("shard").asString(),
							(a) -> a.path("fingerprint").asString()));
				assertThat(Set.copyOf(fingerprintByShard.values())).hasSize(shards.size());

				// One firing notification per shard: the routing file groups by alertname
				// and business_line, and the alert name carries the host.
				for (Map.Entry<String, String> shard : fingerprintByShard.entrySet()) {
					List<JsonNode> firing = awaitNotifications("firing", shard.getValue());
					assertThat(firing).as("firing notification for %s", shard.getKey()).isNotEmpty();
					JsonNode notification = firing.get(0);
					assertThat(notification.path("receiver").asString()).isEqualTo("e2e-zabbix");
					assertThat(notification.path("groupLabels").path("business_line").asString())
						.isEqualTo(shard.getKey());
					assertThat(notification.path("groupLabels").path("alertname").asString())
						.isEqualTo(E2e.TRIGGER + " on " + shard.getKey() + HOST_SUFFIX);
					assertThat(notification.path("alerts")).hasSize(1);
					assertThat(notification.path("alerts").path(0).path("labels").path("shard").asString())
						.isEqualTo(shard.getKey());
				}

				// Acknowledged through the alert API: Zabbix records it on the shop
				// shard,
				// whose update webhook brings it back to the alert; pay's stays open.
				HttpResponse<String> acked = gateway.post(
						"/api/v1/alerts/" + fingerprintByShard.get("shop") + "/acknowledge",
						"{\"message\":\"e2e: on it\"}", Map.of());
				assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
				assertThat(JSON.readTree(acked.body()).path("problem").asString()).isEqualTo("shop:" + eventId);
				Awaitility.await("the shop alert acknowledged by Zabbix's update webhook")
					.atMost(E2e.DELIVERY)
					.pollInterval(Duration.ofMillis(500))
					.until(() -> acknowledged(gateway, fingerprintByShard.get("shop")));
				assertThat(acknowledged(gateway, fingerprintByShard.get("pay"))).isFalse();

				for (LabShardControl shard : shards) {
					shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "1");
				}
				for (String fingerprint : fingerprintByShard.values()) {
					assertThat(awaitNotifications("resolved", fingerprint))
						.as("resolved notification for %s", fingerprint)
						.isNotEmpty();
				}
				assertThat(E2e.alertsOfTrigger(gateway, triggerId)).extracting((a) -> a.path("fingerprint").asString())
					.doesNotContainAnyElementsOf(fingerprintByShard.values());

				// Replay what Zabbix sent (problem and recovery, both shards): nothing
				// new.
				List<WebhookTap.Exchange> sent = tap.exchanges()
					.stream()
					.filter((e) -> eventId.equals(JSON.readTree(e.body()).path("event_id").asString()))
					.toList();
				assertThat(sent).as("Zabbix's webhook deliveries through the tap")
					.hasSizeGreaterThanOrEqualTo(2 * shards.size());
				Predicate<RecordingReceiver.Received> ours = (r) -> fingerprintByShard.values()
					.stream()
					.anyMatch((f) -> E2e.carries(r, "firing", f) || E2e.carries(r, "resolved", f));
				int notificationsBefore = RECEIVER.awaitMatching(0, ours, Duration.ZERO).size();
				for (WebhookTap.Exchange exchange : sent) {
					HttpResponse<String> replay = gateway.post("/api/v1/zabbix/events", exchange.body(),
							Map.of("Authorization", exchange.authorization(), "X-Zgw-Shard", exchange.shard()));
					assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
					assertThat(JSON.readTree(replay.body()).path("replay").asBoolean()).as(replay.body()).isTrue();
				}
				assertThat(RECEIVER.awaitMatching(notificationsBefore + 1, ours, Duration.ofSeconds(6)))
					.as("notifications after the replay (3 group intervals)")
					.hasSize(notificationsBefore);
				assertThat(E2e.alertsOfTrigger(gateway, triggerId)).extracting((a) -> a.path("fingerprint").asString())
					.doesNotContainAnyElementsOf(fingerprintByShard.values());
			}
			finally {
				for (LabShardControl shard : shards) {
					shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "0");
				}
			}
		}
	}

	// Whether the gateway holds the alert as acknowledged.
	private static boolean acknowledged(AlertingTestSupport gateway, String fingerprint) {
		JsonNode alerts = gateway.getJson("/api/v1/alerts/history?fingerprint=" + fingerprint).path("alerts");
		return alerts.path(alerts.size() - 1).path("acknowledged").asBoolean();
	}

	private static LabShardControl.Undo redirectAll(List<LabShardControl> shards, String url) {
		List<LabShardControl.Undo> undos = new ArrayList<>();
		try {
			for (LabShardControl shard : shards) {
				undos.add(shard.redirectWebhook(url));
			}
		}
		catch (RuntimeException ex) {
			undos.forEach(LabShardControl.Undo::close);
			throw ex;
		}
		return () -> undos.forEach(LabShardControl.Undo::close);
	}

	private static List<JsonNode> awaitAlerts(AlertingTestSupport gateway, String triggerId, String eventId,
			int count) {
		List<List<JsonNode>> found = new ArrayList<>(List.of(List.of()));
		Awaitility.await("alerts of event " + eventId + " in zgw")
			.atMost(E2e.DELIVERY)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				found.set(0,
						E2e.alertsOfTrigger(gateway, triggerId)
							.stream()
							.filter((a) -> eventId.equals(a.path("annotations").path("event_id").asString()))
							.toList());
				return found.get(0).size() >= count;
			});
		return found.get(0);
	}

	/**
	 * Waits for notifications of the given status that carry the alert, returns them in
	 * arrival order (empty if none came in time).
	 */
	private static List<JsonNode> awaitNotifications(String status, String fingerprint) throws InterruptedException {
		return RECEIVER.awaitMatching(1, (r) -> E2e.carries(r, status, fingerprint), E2e.DELIVERY)
			.stream()
			.map((r) -> JSON.readTree(r.body()))
			.toList();
	}

}
