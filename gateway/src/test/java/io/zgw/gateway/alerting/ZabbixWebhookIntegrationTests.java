package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.security.AuthFailures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.zgw.sql.Tables.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the Zabbix webhook endpoint against the real MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class ZabbixWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AlertReader reader;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DSLContext dsl;

	AlertingTestSupport http;

	long eventId;

	@BeforeEach
	void setUp() {
		this.http = new AlertingTestSupport(this.port);
		this.eventId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

	@Test
	void problemCreatesFiringAlertWithLabelsFromEventAndTags() {
		HttpResponse<String> response = send("shop", "shop-secret", problem("shop", this.eventId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.labels().asMap()).containsEntry("alertname", "Orders failing on web01")
			.containsEntry("shard", "shop")
			.containsEntry("business_line", "shop")
			.containsEntry("host", "web01")
			.containsEntry("severity", "Warning")
			.containsEntry("zabbix_trigger_id", "23133")
			.containsEntry("app_name", "checkout")
			.containsEntry("_9lives", "yes")
			.doesNotContainKey("region");
		assertThat(alert.annotations()).containsEntry("host_name", "Web server 01")
			.containsEntry("opdata", "fails: 7")
			.containsEntry("event_id", Long.toString(this.eventId))
			.containsEntry("nseverity", "2");
		// 2026.11.28 22:40:01 in Europe/Berlin (UTC+1 in November).
		assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-28T21:40:01Z"));
		assertThat(alert.endsAt()).isNull();
		assertThat(alert.source()).isEqualTo("zabbix");
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created");
	}

	@Test
	void tagNamedLikeOurLabelDoesNotOverrideItAndIsKeptUnderASuffix() {
		send("shop", "shop-secret", problem("shop", this.eventId));
		assertThat(stored("shop", this.eventId).labels().asMap()).containsEntry("host", "web01")
			.containsEntry("host_2", "other");
	}

	@Test
	void everyTagIsKeptWhenNamesRepeatOrSanitiseAlike() {
		String tags = """
				[{"tag":"service","value":"b"},{"tag":"сервис","value":"заказы"},{"tag":"service","value":"a"},
				 {"tag":"a.b","value":"1"},{"tag":"регион","value":"eu"},{"tag":"a-b","value":"2"},
				 {"tag":"service","value":"a"},{"tag":"a_b_2","value":"3"},{"tag":"service","value":""},
				 {"tag":"a:b","value":"2"},{"tag":"shard","value":"shop"}]""";
		String problem = problem("shop", this.eventId).replaceFirst("\"event_tags\":\\[[^]]*]",
				"\"event_tags\":" + tags.replace("\n", ""));
		assertThat(send("shop", "shop-secret", problem).statusCode()).isEqualTo(200);
		// Names in sort order: a-b, a.b, a:b (a_b="2" already), a_b_2, shard (ours,
		// "shop" already), регион, сервис.
		assertThat(stored("shop", this.eventId).labels().asMap()).containsEntry("service", "a,b")
			.containsEntry("a_b", "2")
			.containsEntry("a_b_2", "1")
			.containsEntry("a_b_2_2", "3")
			.containsEntry("______", "eu")
			.containsEntry("_______2", "заказы")
			.hasSize(12);
	}

	@Test
	void replayedProblemChangesNothing() {
		String body = problem("shop", this.eventId);
		assertThat(this.json.readTree(send("shop", "shop-secret", body).body()).get("replay").asBoolean()).isFalse();
		HttpResponse<String> replay = send("shop", "shop-secret", body);
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(replay.body()).get("replay").asBoolean()).isTrue();
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(this.reader.byFingerprint(alert.fingerprint()))
			.filteredOn((a) -> a.alertKey().equals(alert.alertKey()))
			.hasSize(1);
		assertThat(this.reader.history(alert.alertKey())).hasSize(1);
	}

	@Test
	void anEventIdTheShardHandsOutAgainIsANewProblemAndTheEarlierLifeStaysPast() {
		String first = problem("shop", this.eventId);
		send("shop", "shop-secret", first);
		send("shop", "shop-secret", recovery("shop", this.eventId));
		// The shard's database was created anew: the same id, another problem.
		String second = with(with(first, "event_date", "2026.12.01"), "host_host", "web02");
		HttpResponse<String> response = send("shop", "shop-secret", second);
		assertThat(this.json.readTree(response.body()).get("replay").asBoolean()).as(response.body()).isFalse();
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.labels().get("host")).isEqualTo("web02");
		assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-12-01T21:40:01Z"));
		assertThat(this.reader.firingAt(Instant.now())).anyMatch((a) -> a.alertKey().equals(alert.alertKey()));
		// A retry of the new problem, and late deliveries of the earlier life, change
		// nothing.
		for (String late : new String[] { second, first, recovery("shop", this.eventId),
				at(acknowledgement(first), "22:41:00") }) {
			assertThat(this.json.readTree(send("shop", "shop-secret", late).body()).get("replay").asBoolean()).isTrue();
		}
		assertThat(stored("shop", this.eventId).labels().get("host")).isEqualTo("web02");
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved", "created");
		// Its own recovery resolves the new problem.
		send("shop", "shop-secret", with(recovery("shop", this.eventId), "event_date", "2026.12.01"));
		assertThat(this.reader.firingAt(Instant.now())).noneMatch((a) -> a.alertKey().equals(alert.alertKey()));
	}

	@Test
	void anEarlierLifeStillFiringWhenItsIdIsHandedOutAgainIsResolvedFirst() {
		String first = problem("shop", this.eventId);
		send("shop", "shop-secret", first);
		String before = stored("shop", this.eventId).fingerprint();
		send("shop", "shop-secret", with(with(first, "event_date", "2026.12.01"), "host_host", "web02"));
		List<AlertReader.HistoryEntry> history = this.reader.history(stored("shop", this.eventId).alertKey());
		assertThat(history).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved", "created");
		assertThat(history.get(1).detail()).contains("the shard reused the event id");
		assertThat(stored("shop", this.eventId).fingerprint()).isNotEqualTo(before);
	}

	@Test
	void anUpdateOfARecoveredProblemRetentionDeletedDoesNotBringItBack() {
		String problem = problem("shop", this.eventId);
		send("shop", "shop-secret", problem);
		send("shop", "shop-secret", recovery("shop", this.eventId));
		String key = stored("shop", this.eventId).alertKey();
		this.dsl.deleteFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).execute();

		HttpResponse<String> comment = send("shop", "shop-secret", at(update(problem, "commented"), "23:10:00"));
		assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
		assertThat(this.reader.find(key)).isEmpty();
		assertThat(this.reader.history(key)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved", "commented");
	}

	@Test
	void replayAfterRetentionDeletedTheAlertDoesNotBringItBack() {
		String body = problem("shop", this.eventId);
		send("shop", "shop-secret", body);
		send("shop", "shop-secret", recovery("shop", this.eventId));
		String key = stored("shop", this.eventId).alertKey();
		// As the resolved-alert retention job deletes it; alert_history is kept longer.
		this.dsl.deleteFrom(ALERT).where(ALERT.ALERT_KEY.eq(key)).execute();

		HttpResponse<String> replay = send("shop", "shop-secret", body);
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		assertThat(this.json.readTree(replay.body()).get("replay").asBoolean()).isTrue();
		assertThat(this.reader.find(key)).isEmpty();
		assertThat(this.reader.history(key)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved");
	}

	@Test
	void recoveryResolvesAlertAtRecoveryTime() {
		send("shop", "shop-secret", problem("shop", this.eventId));
		HttpResponse<String> response = send("shop", "shop-secret", recovery("shop", this.eventId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.endsAt()).isEqualTo(Instant.parse("2026-11-28T21:45:30Z"));
		assertThat(alert.annotations()).containsEntry("recovery_event_id", "99");
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved");
		assertThat(this.reader.firingAt(Instant.now())).noneMatch((a) -> a.alertKey().equals(alert.alertKey()));
	}

	@Test
	void aShardClockAheadOfOursNeitherStartsAProblemInTheFutureNorKeepsARecoveredOneFiring() {
		Instant before = Instant.now();
		String future = with(with(with(recovery("shop", this.eventId), "event_date", "2099.01.01"),
				"event_recovery_date", "2099.01.01"), "event_time", "10:00:00");
		assertThat(send("shop", "shop-secret", future).statusCode()).isEqualTo(200);
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.startsAt()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(alert.endsAt()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(this.reader.firingAt(Instant.now())).noneMatch((a) -> a.alertKey().equals(alert.alertKey()));
		// The history keeps the shard's own time.
		assertThat(this.reader.history(alert.alertKey())).singleElement()
			.satisfies((entry) -> assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2099-01-01T21:45:30Z")));
	}

	@Test
	void longOperationalDataIsCutNotRefused() {
		String long_ = "line of a log item ".repeat(200);
		assertThat(send("shop", "shop-secret", with(problem("shop", this.eventId), "event_opdata", long_)).statusCode())
			.isEqualTo(200);
		String opdata = stored("shop", this.eventId).annotations().get("opdata");
		assertThat(opdata).hasSize(2048).endsWith("\u2026").startsWith(long_.substring(0, 2047));
	}

	@Test
	void aFieldSentAsAnObjectIsRefusedNamingIt() {
		String problem = problem("shop", this.eventId).replace("\"event_id\":\"" + this.eventId + "\"",
				"\"event_id\":{\"id\":1}");
		HttpResponse<String> response = send("shop", "shop-secret", problem);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("event_id must be a string, got object");
		assertBadField(problem("shop", this.eventId).replace("\"value\":\"yes\"", "\"value\":[\"yes\"]"),
				"event_tags[2].value");
	}

	@Test
	void recoveryBeforeProblemStillStoresResolvedAlert() {
		send("shop", "shop-secret", recovery("shop", this.eventId));
		assertThat(stored("shop", this.eventId).endsAt()).isEqualTo(Instant.parse("2026-11-28T21:45:30Z"));
	}

	@Test
	void sameEventIdFromTwoShardsGivesTwoAlerts() {
		send("shop", "shop-secret", problem("shop", this.eventId));
		send("pay", "pay-secret", problem("pay", this.eventId));
		StoredAlert shop = stored("shop", this.eventId);
		StoredAlert pay = stored("pay", this.eventId);
		assertThat(shop.alertKey()).isNotEqualTo(pay.alertKey());
		assertThat(pay.labels().get("shard")).isEqualTo("pay");
		assertThat(pay.labels().get("business_line")).isEqualTo("payments");
	}

	@Test
	void acknowledgementUpdateKeepsSeverityLabelAndRecordsNewSeverity() {
		send("shop", "shop-secret", problem("shop", this.eventId));
		String update = acknowledgement(problem("shop", this.eventId));
		assertThat(send("shop", "shop-secret", update).statusCode()).isEqualTo(200);
		assertThat(send("shop", "shop-secret", update).body()).contains("\"replay\":true");
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.labels().get("severity")).isEqualTo("Warning");
		assertThat(alert.acknowledged()).isTrue();
		assertThat(alert.annotations()).containsEntry("current_severity", "High")
			.containsEntry("acknowledged", "true")
			.containsEntry("last_update_user", "Admin")
			.containsEntry("last_update_message", "on it");
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "acknowledged");
	}

	@Test
	void laterIdenticalUpdateIsAppliedAndItsRetryIsAReplay() {
		String problem = problem("shop", this.eventId);
		send("shop", "shop-secret", problem);
		String acknowledged = update(problem, "acknowledged");
		String unacknowledged = update(problem, "unacknowledged");
		String[] updates = { at(acknowledged, "22:41:00"), at(unacknowledged, "22:42:00"),
				at(acknowledged, "22:43:00") };
		for (String update : updates) {
			HttpResponse<String> response = send("shop", "shop-secret", update);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("\"replay\":false");
		}
		assertThat(send("shop", "shop-secret", updates[2]).body()).contains("\"replay\":true");
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.acknowledged()).isTrue();
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::occurredAt)
			.containsExactly(Instant.parse("2026-11-28T21:40:01Z"), Instant.parse("2026-11-28T21:41:00Z"),
					Instant.parse("2026-11-28T21:42:00Z"), Instant.parse("2026-11-28T21:43:00Z"));
	}

	@Test
	void anUpdateDeliveredAfterALaterOneTakesNothingBack() {
		String problem = problem("shop", this.eventId);
		send("shop", "shop-secret", problem);
		send("shop", "shop-secret", at(update(problem, "acknowledged"), "22:42:00"));
		// Made a minute earlier, delivered after: Zabbix's retries, several alerters.
		assertThat(send("shop", "shop-secret", at(update(problem, "unacknowledged"), "22:41:00")).body())
			.contains("\"replay\":false");
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.acknowledged()).isTrue();
		assertThat(alert.annotations()).containsEntry("acknowledged", "true")
			.containsEntry("last_update_action", "acknowledged");
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "acknowledged", "unacknowledged");
	}

	@Test
	void aProblemDeliveredAfterItsUpdateKeepsTheUpdatedSeverity() {
		String problem = problem("shop", this.eventId);
		send("shop", "shop-secret", at(acknowledgement(problem), "22:41:00"));
		send("shop", "shop-secret", problem);
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.acknowledged()).isTrue();
		assertThat(alert.annotations()).containsEntry("current_severity", "High").containsEntry("opdata", "fails: 7");
	}

	// An update Admin made with the action and no message, as a media type without
	// event_update_date/time sends it.
	private static String update(String problem, String action) {
		return problem.replace("\"event_update_status\":\"0\"", "\"event_update_status\":\"1\"")
			.replace("\"event_update_action\":\"\"", "\"event_update_action\":\"" + action + "\"")
			.replace("\"event_update_user\":\"\"", "\"event_update_user\":\"Admin\"");
	}

	// The update as made on 2026.11.28 at the time.
	private String at(String update, String time) {
		return with(with(update, "event_update_date", "2026.11.28"), "event_update_time", time);
	}

	@Test
	void concurrentDeliveriesOfANewEventAreAllAnsweredAndStoreOneAlert() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int event = 0; event < 5; event++) {
				String body = problem("shop", this.eventId + event);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					answers.add(pool.submit(() -> {
						start.await();
						return send("shop", "shop-secret", body);
					}));
				}
				start.countDown();
				int applied = 0;
				for (Future<HttpResponse<String>> answer : answers) {
					HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
					applied += response.body().contains("\"replay\":false") ? 1 : 0;
				}
				assertThat(applied).isEqualTo(1);
				assertThat(this.reader.history(stored("shop", this.eventId + event).alertKey())).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void wrongSecretIsForbidden() {
		double before = failures("webhook_wrong_secret");
		HttpResponse<String> response = send("shop", "pay-secret", problem("shop", this.eventId));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(failures("webhook_wrong_secret")).isEqualTo(before + 1);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("pay-secret").doesNotContain("shop-secret");
	}

	@Test
	void unknownShardMissingSecretOrUnconfiguredSecretIsUnauthorized() {
		double unknownBefore = failures("webhook_unknown_shard");
		double missingBefore = failures("webhook_missing_secret");
		assertUnauthorized(send("nope", "shop-secret", problem("nope", this.eventId)));
		assertUnauthorized(send("nosecret", "", problem("nosecret", this.eventId)));
		assertUnauthorized(
				this.http.post("/api/v1/zabbix/events", problem("shop", this.eventId), Map.of("X-Zgw-Shard", "shop")));
		assertThat(failures("webhook_unknown_shard")).isEqualTo(unknownBefore + 2);
		assertThat(failures("webhook_missing_secret")).isEqualTo(missingBefore + 1);
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"zgw\"");
	}

	@Test
	void authorizationSchemeIsCaseInsensitive() {
		HttpResponse<String> response = this.http.post("/api/v1/zabbix/events", problem("shop", this.eventId),
				Map.of("X-Zgw-Shard", "shop", "Authorization", "bearer shop-secret"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void webhookUrlWithATrailingSlashIsTheSameEndpoint() {
		// A media type's URL typed with a trailing slash: before, it was checked as an
		// API key and answered 401 "unknown API key" whatever the shard's secret.
		HttpResponse<String> response = this.http.post("/api/v1/zabbix/events/", problem("shop", this.eventId),
				Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(stored("shop", this.eventId).labels().get("shard")).isEqualTo("shop");
		assertThat(this.http
			.post("/api/v1/zabbix/events/", problem("shop", this.eventId),
					Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer wrong"))
			.statusCode()).isEqualTo(403);
	}

	private double failures(String reason) {
		return this.meters.get(AuthFailures.METRIC).tag("reason", reason).counter().count();
	}

	@Test
	void badEventFieldsAreRejectedNamingTheField() {
		assertBadField(problem("shop", this.eventId).replace("\"event_id\":\"" + this.eventId + "\"",
				"\"event_id\":\"{EVENT.ID}\""), "event_id");
		assertBadField(problem("shop", this.eventId).replace("\"event_value\":\"1\"", "\"event_value\":\"\""),
				"event_value");
		assertBadField(problem("shop", this.eventId).replace("\"shard\":\"shop\"", "\"shard\":\"pay\""), "shard");
		assertBadField(
				problem("shop", this.eventId).replace("\"event_date\":\"2026.11.28\"", "\"event_date\":\"28/11/2026\""),
				"event_date");
		assertBadField("{not json", "body");
		String problem = problem("shop", this.eventId);
		assertBadField(with(problem, "event_tags", "[{\"tag\":\"service\","), "event_tags");
		assertBadField(with(problem, "event_tags", "[{\"tag\":\"a\",\"value\":\"b\"},\"c\"]"), "event_tags[1]");
	}

	@Test
	void missingOrInvalidFieldsTheMediaTypeAlwaysSendsAreRejectedNamingThem() {
		String problem = problem("shop", this.eventId);
		for (String field : new String[] { "host_host", "trigger_id", "event_severity", "event_nseverity", "event_name",
				"event_date" }) {
			assertBadField(with(problem, field, ""), field);
			assertBadField(without(problem, field), field);
		}
		for (String id : new String[] { "abc", "-5", "0", "+" + this.eventId, "1.0", "99999999999999999999" }) {
			assertBadField(with(problem, "event_id", id), "event_id");
			assertBadField(with(problem, "trigger_id", id), "trigger_id");
		}
		for (String number : new String[] { "high", "6", "-1", "04" }) {
			assertBadField(with(problem, "event_nseverity", number), "event_nseverity");
		}
		for (String time : new String[] { "", "25:61:00", "10:11", "22:40:01.5" }) {
			assertBadField(with(problem, "event_time", time), "event_time");
		}
		for (String date : new String[] { "2026.02.30", "2026-11-28", "2026.13.01" }) {
			assertBadField(with(problem, "event_date", date), "event_date");
		}
		String recovery = recovery("shop", this.eventId);
		assertBadField(with(recovery, "event_recovery_date", ""), "event_recovery_date");
		assertBadField(with(recovery, "event_recovery_time", "24:00:00"), "event_recovery_time");
		String update = at(acknowledgement(problem), "22:41:00");
		assertBadField(with(update, "event_update_time", ""), "event_update_time");
		assertBadField(with(update, "event_update_date", "2026.11.31"), "event_update_date");
		assertThat(this.reader.find("zabbix:shop:" + this.eventId)).isEmpty();
	}

	@Test
	void renamedSeverityIsKeptAndIdsAreShownAsZabbixWritesThem() {
		String problem = with(with(problem("shop", this.eventId), "event_severity", "Sev-3 (ops)"), "trigger_id",
				"023133");
		assertThat(send("shop", "shop-secret", problem).statusCode()).isEqualTo(200);
		StoredAlert alert = stored("shop", this.eventId);
		assertThat(alert.labels().get("severity")).isEqualTo("Sev-3 (ops)");
		assertThat(alert.labels().get("zabbix_trigger_id")).isEqualTo("23133");
	}

	@Test
	void textLongerThanALabelValueIsRejectedNamingTheFieldAndNothingStored() {
		String tooLong = "x".repeat(100_000);
		String problem = problem("shop", this.eventId);
		assertBadField(problem.replace("\"tag\":\"9lives\"", "\"tag\":\"" + tooLong + "\""), "event_tags[2].tag");
		for (String field : new String[] { "host_host", "host_name", "trigger_id", "event_severity",
				"event_nseverity" }) {
			assertBadField(with(problem, field, tooLong), field);
		}
		// Characters are counted, not UTF-16 units: 2,048 emoji fit.
		assertBadField(with(problem, "event_name", "\uD83D\uDD25".repeat(2049)), "event_name");
		assertThat(send("shop", "shop-secret",
				with(problem("shop", this.eventId + 2), "event_name", "\uD83D\uDD25".repeat(2048)))
			.statusCode()).isEqualTo(200);
		// Zabbix keeps an acknowledgement message of up to 2,048 characters.
		String update = acknowledgement(problem);
		assertThat(send("shop", "shop-secret", with(update, "event_update_message", "m".repeat(2048))).statusCode())
			.isEqualTo(200);
		for (String field : new String[] { "event_update_message", "event_update_action", "event_update_user" }) {
			assertBadField(with(update, field, "u".repeat(70_000)), field);
		}
		assertBadField(with(recovery("shop", this.eventId + 1), "event_recovery_id", tooLong), "event_recovery_id");
		assertThat(this.reader.find("zabbix:shop:" + (this.eventId + 1))).isEmpty();
		assertThat(this.reader.history("zabbix:shop:" + this.eventId)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("acknowledged");
		assertThat(this.http.get("/api/v2/alerts").statusCode()).isEqualTo(200);
	}

	private String without(String body, String field) {
		ObjectNode node = (ObjectNode) this.json.readTree(body);
		node.remove(field);
		return this.json.writeValueAsString(node);
	}

	// Returns the body with the field set to the value.
	private String with(String body, String field, String value) {
		ObjectNode node = (ObjectNode) this.json.readTree(body);
		node.put(field, value);
		return this.json.writeValueAsString(node);
	}

	private void assertBadField(String body, String field) {
		HttpResponse<String> response = send("shop", "shop-secret", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("parameter").asString()).isEqualTo(field);
	}

	private HttpResponse<String> send(String shard, String secret, String body) {
		return this.http.post("/api/v1/zabbix/events", body,
				Map.of("X-Zgw-Shard", shard, "Authorization", "Bearer " + secret));
	}

	private StoredAlert stored(String shard, long eventId) {
		String key = "zabbix:" + shard + ":" + eventId;
		return this.reader.find(key).orElseThrow(() -> new AssertionError("no alert " + key));
	}

	static String problem(String shard, long eventId) {
		return """
				{"shard":"%s","event_id":"%d","event_value":"1","event_severity":"Warning",
				 "event_nseverity":"2","event_name":"Orders failing on web01","host_name":"Web server 01",
				 "host_host":"web01","event_tags":[{"tag":"app.name","value":"checkout"},{"tag":"host","value":"other"},
				 {"tag":"9lives","value":"yes"},{"tag":"empty","value":""}],
				 "trigger_id":"23133","event_recovery_id":"","event_update_status":"0","event_update_action":"",
				 "event_update_message":"","event_update_user":"","event_opdata":"fails: 7",
				 "event_date":"2026.11.28","event_time":"22:40:01","event_recovery_date":"","event_recovery_time":"",
				 "sent_at":1795992001000}
				""".formatted(shard, eventId);
	}

	// The update Zabbix sends when Admin acknowledges the problem and raises it to High.
	static String acknowledgement(String problem) {
		return problem.replace("\"event_update_status\":\"0\"", "\"event_update_status\":\"1\"")
			.replace("\"event_severity\":\"Warning\"", "\"event_severity\":\"High\"")
			.replace("\"event_update_action\":\"\"",
					"\"event_update_action\":\"acknowledged, changed severity from Warning to High\"")
			.replace("\"event_update_user\":\"\"", "\"event_update_user\":\"Admin\"")
			.replace("\"event_update_message\":\"\"", "\"event_update_message\":\"on it\"");
	}

	static String recovery(String shard, long eventId) {
		return problem(shard, eventId).replace("\"event_value\":\"1\"", "\"event_value\":\"0\"")
			.replace("\"event_recovery_id\":\"\"", "\"event_recovery_id\":\"99\"")
			.replace("\"event_recovery_date\":\"\"", "\"event_recovery_date\":\"2026.11.28\"")
			.replace("\"event_recovery_time\":\"\"", "\"event_recovery_time\":\"22:45:30\"");
	}

}
