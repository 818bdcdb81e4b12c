package io.zgw.gateway.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.query.LabShards;
import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.AlertmanagerProcess;
import io.zgw.gateway.testsupport.GatewayProcess;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.RoutingFiles;
import io.zgw.gateway.testsupport.WebhookTap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the gateway with SIGKILL while the lab's shards have problems open in it,
 * resolves them while it is down, and restarts it: the firing alerts survived, Zabbix's
 * webhook retries deliver the recoveries once the gateway is back, and the receiver gets
 * the resolved notifications.
 */
class ZabbixRetryAcrossKillNineTests {

	private static final String KEY = "e2e-zabbix-k9-admin-key-01234567";

	private static final String HOST_SUFFIX = "-web-16";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void recoveriesSentWhileTheGatewayIsDeadArriveThroughZabbixRetriesAfterRestart() throws Exception {
		List<LabShard> lab = LabShards.load();
		List<LabShardControl> shards = lab.stream().map(LabShardControl::new).toList();
		int port = AlertmanagerProcess.freePort();
		String triggerId = shards.get(0).triggerId(shards.get(0).name() + HOST_SUFFIX, E2e.TRIGGER);
		for (LabShardControl shard : shards) {
			shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "0");
			shard.awaitTriggerValue(triggerId, 0, E2e.DELIVERY);
		}
		try (RecordingReceiver receiver = new RecordingReceiver();
				WebhookTap tap = new WebhookTap(URI.create("http://127.0.0.1:" + port + "/api/v1/zabbix/events"))) {
			List<String> arguments = List.of(E2e.shardConfigArgument(lab),
					"--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/" + E2e.database("zabbix_kill9")
							+ "?createDatabaseIfNotExist=true",
					"--zgw.security.bootstrap-admin-key=" + KEY,
					"--zgw.alerting.routing-config-file=" + RoutingFiles.webhook("e2e-zabbix-k9", receiver.url("/k9")),
					"--zgw.alerting.dispatch.holder-id=e2e-zabbix-kill9", "--zgw.alerting.dispatch.lease-ttl=4s",
					"--zgw.alerting.dispatch.lease-renew=1s", "--zgw.notify.timeout=2s", "--zgw.notify.lease=4s");
			AlertingTestSupport gateway = new AlertingTestSupport(port, KEY);
			List<LabShardControl.Undo> redirects = new ArrayList<>();
			try {
				for (LabShardControl shard : shards) {
					redirects.add(shard.redirectWebhook(tap.url()));
				}
				Map<String, String> fingerprintByShard;
				try (GatewayProcess first = GatewayProcess.start(port, arguments)) {
					for (LabShardControl shard : shards) {
						shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "20");
					}
					List<String> eventIds = shards.stream().map((s) -> awaitOpenProblem(s, triggerId)).toList();
					fingerprintByShard = awaitFiringAlerts(gateway, triggerId, eventIds, shards.size());
					for (String fingerprint : fingerprintByShard.values()) {
						assertThat(
								receiver.awaitMatching(1, (r) -> E2e.carries(r, "firing", fingerprint), E2e.DELIVERY))
							.as("firing notification before the kill")
							.isNotEmpty();
					}
					first.kill();
				}

				int refusedBefore = refusedRecoveries(tap).size();
				for (LabShardControl shard : shards) {
					shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "1");
					shard.awaitTriggerValue(triggerId, 0, E2e.DELIVERY);
				}
				assertThat(tap.awaitMatching(refusedBefore + shards.size(), (e) -> isRecovery(e) && e.status() >= 500,
						E2e.DELIVERY))
					.as("recoveries Zabbix tried to deliver while the gateway was dead")
					.hasSizeGreaterThanOrEqualTo(refusedBefore + shards.size());

				try (GatewayProcess restarted = GatewayProcess.start(port, arguments)) {
					for (Map.Entry<String, String> shard : fingerprintByShard.entrySet()) {
						assertThat(receiver.awaitMatching(1, (r) -> E2e.carries(r, "resolved", shard.getValue()),
								E2e.DELIVERY))
							.as("resolved notification for %s after restart (Zabbix retries every 10 s)",
									shard.getKey())
							.isNotEmpty();
					}
					assertThat(firingFingerprints(gateway, triggerId))
						.doesNotContainAnyElementsOf(fingerprintByShard.values());
				}
			}
			finally {
				for (LabShardControl shard : shards) {
					shard.push(shard.name() + HOST_SUFFIX, E2e.ITEM, "0");
				}
				redirects.forEach(LabShardControl.Undo::close);
			}
		}
	}

	private static String awaitOpenProblem(LabShardControl shard, String triggerId) {
		shard.awaitTriggerValue(triggerId, 1, E2e.DELIVERY);
		List<String> ids = shard.openProblemEventIds(triggerId);
		assertThat(ids).as("open problems of trigger %s on %s", triggerId, shard.name()).hasSize(1);
		return ids.get(0);
	}

	private static Map<String, String> awaitFiringAlerts(AlertingTestSupport gateway, String triggerId,
			List<String> eventIds, int count) {
		List<Map<String, String>> found = new ArrayList<>(List.of(Map.of()));
		Awaitility.await("alerts of events " + eventIds + " in zgw")
			.atMost(E2e.DELIVERY)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				found.set(0,
						E2e.alertsOfTrigger(gateway, triggerId)
							.stream()
							.filter((a) -> eventIds.contains(a.path("annotations").path("event_id").asString()))
							.collect(Collectors.toMap((a) -> a.path("labels").path("shard").asString(),
									(a) -> a.path("fingerprint").asString(), (a, b) -> a)));
				return found.get(0).size() >= count;
			});
		return found.get(0);
	}

	private static List<String> firingFingerprints(AlertingTestSupport gateway, String triggerId) {
		return E2e.alertsOfTrigger(gateway, triggerId).stream().map((a) -> a.path("fingerprint").asString()).toList();
	}

	private static List<WebhookTap.Exchange> refusedRecoveries(WebhookTap tap) {
		return tap.exchanges().stream().filter((e) -> isRecovery(e) && e.status() >= 500).toList();
	}

	private static boolean isRecovery(WebhookTap.Exchange exchange) {
		JsonNode body = JSON.readTree(exchange.body());
		return "0".equals(body.path("event_value").asString())
				&& !"1".equals(body.path("event_update_status").asString())
				&& body.path("host_host").asString().endsWith(HOST_SUFFIX);
	}

}
