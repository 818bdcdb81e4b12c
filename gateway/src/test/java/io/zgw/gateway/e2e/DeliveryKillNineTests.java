package io.zgw.gateway.e2e;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.testsupport.AlertmanagerProcess;
import io.zgw.gateway.testsupport.GatewayProcess;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.RoutingFiles;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the gateway with SIGKILL while notifications wait in the outbox for a receiver
 * that answers 503, restarts it and brings the receiver back: every notification the
 * outbox held arrives, in order within each alert group.
 */
class DeliveryKillNineTests {

	private static final String KEY = "e2e-kill9-admin-key-0123456789abc";

	private static final String RECEIVER_NAME = "e2e-kill9";

	private static final String DATABASE = E2e.database("kill9");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void notificationsPendingAtKillNineAreAllDeliveredInGroupOrderAfterRestart() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int port = AlertmanagerProcess.freePort();
		try (RecordingReceiver receiver = new RecordingReceiver()) {
			receiver.answerWith(503);
			List<String> arguments = List.of(
					"--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/" + DATABASE
							+ "?createDatabaseIfNotExist=true",
					"--zgw.security.bootstrap-admin-key=" + KEY,
					"--zgw.alerting.routing-config-file=" + RoutingFiles.webhook(RECEIVER_NAME, receiver.url("/k9")),
					"--zgw.alerting.dispatch.holder-id=e2e-kill9", "--zgw.alerting.dispatch.lease-ttl=4s",
					"--zgw.alerting.dispatch.lease-renew=1s", "--zgw.notify.timeout=2s", "--zgw.notify.lease=4s",
					"--zgw.notify.retry.initial=200ms", "--zgw.notify.retry.max=1s");
			Map<String, List<String>> pending;
			try (GatewayProcess first = GatewayProcess.start(port, arguments)) {
				AlertingTestSupport gateway = new AlertingTestSupport(port, KEY);
				// Group a: [a1], then [a1, a2], then a1 resolved; group b: [b1],
				// then [b1, b2]. The receiver refuses all of them, so each group's
				// chain waits on its first notification.
				post(gateway, run, "a", "a1", false);
				post(gateway, run, "b", "b1", false);
				awaitPending(run, 2);
				post(gateway, run, "a", "a2", false);
				post(gateway, run, "b", "b2", false);
				awaitPending(run, 4);
				post(gateway, run, "a", "a1", true);
				pending = awaitPending(run, 5);
				assertThat(receiver.received()).as("the receiver was tried and refused")
					.anyMatch((r) -> r.body().contains(run));
				first.kill();
			}
			assertThat(pending).as("pending notifications per group at the kill").hasSize(2);

			try (GatewayProcess restarted = GatewayProcess.start(port, arguments)) {
				int before = receiver.received().size();
				receiver.answerWith(200);
				for (Map.Entry<String, List<String>> group : pending.entrySet()) {
					Awaitility.await("notifications of group " + group.getKey() + " delivered in order")
						.atMost(E2e.DELIVERY)
						.pollInterval(Duration.ofMillis(500))
						.untilAsserted(() -> {
							List<String> delivered = delivered(receiver, before, group.getKey());
							assertThat(containsInOrder(delivered, group.getValue()))
								.as("the %d pending notifications occur in order among the %d delivered: %s",
										group.getValue().size(), delivered.size(), delivered)
								.isTrue();
						});
				}
			}
		}
	}

	private static void post(AlertingTestSupport gateway, String run, String group, String host, boolean resolved) {
		String endsAt = resolved ? ",\"endsAt\":\"" + Instant.now().minusSeconds(1) + "\"" : "";
		String body = """
				[{"labels":{"alertname":"K9-%s-%s","business_line":"shop","host":"%s","run":"%s"}%s}]""".formatted(run,
				group, host, run, endsAt);
		HttpResponse<String> response = gateway.post("/api/v2/alerts", body, Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/**
	 * Waits until the outbox holds {@code count} pending notifications of this run and
	 * returns their payloads per group key, in enqueue order.
	 */
	private static Map<String, List<String>> awaitPending(String run, int count) {
		List<Map<String, List<String>>> found = new ArrayList<>(List.of(Map.of()));
		Awaitility.await(count + " pending notifications of run " + run + " in the outbox")
			.atMost(E2e.DELIVERY)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				found.set(0, pending(run));
				return found.get(0).values().stream().mapToInt(List::size).sum() >= count;
			});
		return found.get(0);
	}

	private static Map<String, List<String>> pending(String run) throws SQLException {
		Map<String, List<String>> byGroup = new LinkedHashMap<>();
		try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + DATABASE, "root", "");
				PreparedStatement select = db.prepareStatement("SELECT group_key, payload FROM outbox"
						+ " WHERE receiver = ? AND delivered_at IS NULL AND failed_at IS NULL AND payload LIKE ?"
						+ " ORDER BY id")) {
			select.setString(1, RECEIVER_NAME);
			select.setString(2, "%" + run + "%");
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					byGroup.computeIfAbsent(rows.getString(1), (k) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		return byGroup;
	}

	/**
	 * Returns the bodies the receiver accepted (after the first {@code skip} requests)
	 * for the group, in arrival order.
	 */
	private static List<String> delivered(RecordingReceiver receiver, int skip, String groupKey) {
		List<RecordingReceiver.Received> all = receiver.received();
		return all.subList(skip, all.size())
			.stream()
			.map(RecordingReceiver.Received::body)
			.filter((body) -> groupKey.equals(JSON.readTree(body).path("groupKey").asString()))
			.toList();
	}

	/**
	 * Whether {@code expected} occurs in {@code actual} in the same order (gaps allowed).
	 */
	private static boolean containsInOrder(List<String> actual, List<String> expected) {
		Iterator<String> remaining = actual.iterator();
		for (String wanted : expected) {
			boolean found = false;
			while (remaining.hasNext() && !found) {
				found = remaining.next().equals(wanted);
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}

}
