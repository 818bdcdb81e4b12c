package io.zgw.gateway.alerting;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoredSilence;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the Alertmanager API v2 reads and silences over real HTTP and the
 * real MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class AlertmanagerApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

	@Autowired
	SilenceStore silences;

	@Autowired
	DSLContext dsl;

	AlertingTestSupport http;

	String host;

	@BeforeEach
	void setUp() {
		this.http = new AlertingTestSupport(this.port);
		this.host = "host-" + UUID.randomUUID();
	}

	@Test
	void postedAlertIsListedInGettableAlertShape() {
		postAlert("ApiShape");
		JsonNode alert = onlyAlert(query("filter=" + enc("host=\"" + this.host + "\"")));
		assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("ApiShape");
		assertThat(alert.get("fingerprint").asString()).hasSize(16);
		assertThat(alert.get("status").get("state").asString()).isEqualTo("active");
		assertThat(alert.get("status").get("silencedBy")).isEmpty();
		assertThat(alert.get("status").get("inhibitedBy")).isEmpty();
		assertThat(alert.get("receivers").get(0).get("name").asString()).isEqualTo("default");
		assertThat(Instant.parse(alert.get("endsAt").asString())).isAfter(Instant.now());
		assertThat(alert.get("annotations").get("summary").asString()).isEqualTo("s");
		assertThat(alert.has("updatedAt")).isTrue();
		assertThat(alert.get("generatorURL").asString()).isEqualTo("http://gen");
	}

	@Test
	void filterMatchersNarrowTheList() {
		postAlert("FilterA");
		postAlert("FilterB");
		String hostFilter = "filter=" + enc("host=\"" + this.host + "\"");
		assertThat(query(hostFilter)).hasSize(2);
		assertThat(query(hostFilter + "&filter=" + enc("alertname=~\"Filter[B-Z]\""))).hasSize(1);
		assertThat(query(hostFilter + "&filter=" + enc("alertname!=\"FilterA\""))).hasSize(1);
		HttpResponse<String> bad = this.http.get("/api/v2/alerts?filter=" + enc("alertname=~\"(\""));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(bad.body()).get("parameter").asString()).isEqualTo("filter");
	}

	@Test
	void eachFilterIsOneMatcherAsAlertmanagerReadsIt() {
		HttpResponse<String> posted = this.http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"Commas","host":"%s","msg":"a, b","business_line":"shop"}}]
				""".formatted(this.host), Map.of());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		// A quantifier and a value with commas, which a split at commas would break.
		assertThat(query("filter=" + enc("host=~\"" + this.host + "|x{1,3}\""))).hasSize(1);
		assertThat(query("filter=" + enc("host=\"" + this.host + "\"") + "&filter=" + enc("msg=\"a, b\""))).hasSize(1);
		// Two matchers in one filter are one bad matcher, as for Alertmanager.
		HttpResponse<String> two = this.http
			.get("/api/v2/alerts?filter=" + enc("alertname=\"Commas\",host=\"" + this.host + "\""));
		assertThat(two.statusCode()).isEqualTo(400);
		assertThat(
				this.http.get("/api/v2/alerts/groups?filter=" + enc("host=~\"" + this.host + "|x{1,3}\"")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void silencesAreFilteredByTheirOwnMatchersAsAlertmanagerFiltersThem() {
		Instant start = Instant.now().plusSeconds(3600);
		String template = """
				{"matchers":[{"name":"host","value":"%s","isRegex":%s,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"tester","comment":"c"}
				""";
		String regex = this.http
			.createSilence(template.formatted(this.host + ".*", true, start, start.plusSeconds(60)));
		String equal = this.http.createSilence(template.formatted(this.host, false, start, start.plusSeconds(60)));
		String byRegex = this.http.get("/api/v2/silences?filter=" + enc("host=~\"" + this.host + ".*\"")).body();
		assertThat(byRegex).contains(regex).doesNotContain(equal);
		String byValue = this.http.get("/api/v2/silences?filter=" + enc("host=\"" + this.host + "\"")).body();
		assertThat(byValue).contains(equal).doesNotContain(regex);
	}

	@Test
	void silencesTakeNegativeMatchersAloneAndEmptyCreatorsOrCommentsAsAlertmanager() {
		// Pending, so that it mutes nothing of the other tests.
		Instant start = Instant.now().plusSeconds(3600);
		String negative = this.http.createSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":false}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"","comment":""}
				""".formatted(this.host, start, start.plusSeconds(60)));
		JsonNode silence = this.json.readTree(this.http.get("/api/v2/silence/" + negative).body());
		assertThat(silence.get("matchers").get(0).get("isEqual").asBoolean()).isFalse();
		assertThat(silence.get("createdBy").asString()).isEmpty();
		// Unpaired surrogates, escaped in JSON, read as U+FFFD as Alertmanager reads
		// them.
		String lone = this.http.createSilence("""
				{"matchers":[{"name":"host","value":"%s\\ud800","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"\\udc00","comment":"c"}
				""".formatted(this.host, start, start.plusSeconds(60)));
		JsonNode loneSilence = this.json.readTree(this.http.get("/api/v2/silence/" + lone).body());
		assertThat(loneSilence.get("matchers").get(0).get("value").asString()).isEqualTo(this.host + "\ufffd");
		assertThat(loneSilence.get("createdBy").asString()).isEqualTo("\ufffd");
		assertThat(this.http.delete("/api/v2/silence/" + lone).statusCode()).isEqualTo(200);
		this.http.rejectSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","comment":"c"}
				""".formatted(this.host, start, start.plusSeconds(60)), "createdBy");
		assertThat(this.http.delete("/api/v2/silence/" + negative).statusCode()).isEqualTo(200);
	}

	@Test
	void errorsAreAlertmanagersJsonStringsForClientsThatAcceptOnlyJson() {
		String path = "/api/v2/silence/" + UUID.randomUUID();
		HttpResponse<String> json = this.http.get(path, Map.of("Accept", "application/json"));
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(this.json.readTree(json.body()).asString()).contains("not found");
		for (String accept : new String[] { "application/problem+json", "application/json, */*", "*/*" }) {
			HttpResponse<String> problem = this.http.get(path, Map.of("Accept", accept));
			assertThat(problem.headers().firstValue("Content-Type")).as(accept)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(this.json.readTree(problem.body()).get("status").asInt()).isEqualTo(404);
		}
		// The API key filter's refusals too, and only on the Alertmanager API.
		HttpResponse<String> refused = this.http.get("/api/v2/alerts",
				Map.of("Accept", "application/json", "Authorization", "Bearer wrong-key-0123456789"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(refused.body()).isString()).isTrue();
		HttpResponse<String> elsewhere = this.http.get("/api/v1/oncall",
				Map.of("Accept", "application/json", "Authorization", "Bearer wrong-key-0123456789"));
		assertThat(this.json.readTree(elsewhere.body()).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void handWrittenQueriesAndAlertmanagersProbesAreAnsweredAsAlertmanagerAnswersThem() throws IOException {
		postAlert("Raw");
		// Unencoded quotes, bar and braces, as curl -g sends them.
		String raw = rawGet("/api/v2/alerts?filter=host=\"" + this.host + "\"&filter=alertname=~\"Raw|x{1,2}\"", true);
		assertThat(raw).startsWith("HTTP/1.1 200").contains("\"alertname\":\"Raw\"");
		for (String probe : new String[] { "/-/healthy", "/-/ready" }) {
			assertThat(rawGet(probe, false)).as(probe).startsWith("HTTP/1.1 200").endsWith("OK");
		}
	}

	// A request written by hand, as curl -g sends it: java.net.URI would encode it.
	private String rawGet(String target, boolean withKey) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ (withKey ? "Authorization: Bearer " + AlertingTestSupport.ADMIN_KEY + "\r\n" : "")
					+ "Connection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void firingZabbixProblemIsListedAsActive() {
		long eventId = Math.abs(UUID.randomUUID().getMostSignificantBits() >> 2);
		String problem = ZabbixWebhookIntegrationTests.problem("shop", eventId)
			.replace("\"host_host\":\"web01\"", "\"host_host\":\"" + this.host + "\"");
		assertThat(this.http
			.post("/api/v1/zabbix/events", problem,
					Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret"))
			.statusCode()).isEqualTo(200);
		JsonNode alert = onlyAlert(query("filter=" + enc("host=\"" + this.host + "\"")));
		assertThat(alert.get("labels").get("shard").asString()).isEqualTo("shop");
		assertThat(Instant.parse(alert.get("endsAt").asString())).isAfter(Instant.now());
		// No generator: left out, as Alertmanager's omitempty leaves it.
		assertThat(alert.has("generatorURL")).isFalse();
	}

	@Test
	void silenceSuppressesMatchingAlertAndExpiringItKeepsIt() {
		postAlert("Silenced");
		String id = this.http.createSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"tester","comment":"maintenance"}
				""".formatted(this.host, Instant.now(), Instant.now().plusSeconds(3600)));
		String hostFilter = "filter=" + enc("host=\"" + this.host + "\"");
		JsonNode alert = onlyAlert(query(hostFilter));
		assertThat(alert.get("status").get("state").asString()).isEqualTo("suppressed");
		assertThat(alert.get("status").get("silencedBy").get(0).asString()).isEqualTo(id);
		assertThat(query(hostFilter + "&silenced=false")).isEmpty();
		JsonNode silence = this.json.readTree(this.http.get("/api/v2/silence/" + id).body());
		assertThat(silence.get("status").get("state").asString()).isEqualTo("active");
		assertThat(silence.get("matchers").get(0).get("isEqual").asBoolean()).isTrue();
		assertThat(this.http.delete("/api/v2/silence/" + id).statusCode()).isEqualTo(200);
		JsonNode expired = this.json.readTree(this.http.get("/api/v2/silence/" + id).body());
		assertThat(expired.get("status").get("state").asString()).isEqualTo("expired");
		assertThat(this.http.get("/api/v2/silences").body()).contains(id);
		assertThat(onlyAlert(query(hostFilter)).get("status").get("state").asString()).isEqualTo("active");
	}

	@Test
	void updatingSilenceEndKeepsItsIdButChangingMatchersReplacesIt() {
		String body = """
				{%s"matchers":[{"name":"host","value":"%s","isRegex":false,"isEqual":true}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"tester","comment":"c"}
				""";
		Instant start = Instant.now().plusSeconds(600);
		String id = this.http.createSilence(body.formatted("", this.host, start, start.plusSeconds(600)));
		String same = this.http
			.createSilence(body.formatted("\"id\":\"" + id + "\",", this.host, start, start.plusSeconds(1200)));
		assertThat(same).isEqualTo(id);
		String replaced = this.http.createSilence(
				body.formatted("\"id\":\"" + id + "\",", this.host + "-other", start, start.plusSeconds(1200)));
		assertThat(replaced).isNotEqualTo(id);
		assertThat(
				this.json.readTree(this.http.get("/api/v2/silence/" + id).body()).get("status").get("state").asString())
			.isEqualTo("expired");
	}

	@Test
	void badSilencesAreRejectedNamingTheField() {
		String template = """
				{"matchers":[%s],"startsAt":"%s","endsAt":"%s","createdBy":"t","comment":"c"}
				""";
		Instant now = Instant.now();
		this.http.rejectSilence(
				template.formatted("{\"name\":\"a\",\"value\":\"(\",\"isRegex\":true}", now, now.plusSeconds(60)),
				"matchers[0].value");
		this.http.rejectSilence(template.formatted("{\"name\":\"a-b\",\"value\":\"x\"}", now, now.plusSeconds(60)),
				"matchers[0].name");
		this.http.rejectSilence(
				template.formatted("{\"name\":\"a\",\"value\":\".*\",\"isRegex\":true}", now, now.plusSeconds(60)),
				"matchers");
		this.http.rejectSilence(template.formatted("", now, now.plusSeconds(60)), "matchers");
		this.http.rejectSilence(template.formatted("{\"name\":\"a\",\"value\":\"x\"}", now, now.minusSeconds(60)),
				"endsAt");
		// Not JSON booleans: "isEqual":"no" was read as a positive matcher.
		this.http.rejectSilence(
				template.formatted("{\"name\":\"a\",\"value\":\"x\",\"isRegex\":\"True\"}", now, now.plusSeconds(60)),
				"matchers[0].isRegex");
		this.http.rejectSilence(
				template.formatted("{\"name\":\"a\",\"value\":\"x\",\"isEqual\":\"no\"}", now, now.plusSeconds(60)),
				"matchers[0].isEqual");
		this.http.rejectSilence(
				template.formatted("{\"name\":\"a\",\"value\":\"x\",\"isEqual\":0}", now, now.plusSeconds(60)),
				"matchers[0].isEqual");
		String good = template.formatted("{\"name\":\"a\",\"value\":\"x\"}", now, now.plusSeconds(60));
		this.http.rejectSilence(good.replace("{\"matchers\"", "{\"id\":5,\"matchers\""), "id");
		assertThat(this.http.rejectSilence(good.replace("\"comment\":\"c\"", "\"comment\":7"), "comment")
			.get("detail")
			.asString()).contains("must be a string");
		assertThat(this.http.get("/api/v2/silence/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void longSilenceFieldsAreStoredAndABodyOverTheLimitIs413() {
		// Over the columns they had (255 characters, 64 KB): answered 503 for ever.
		Instant start = Instant.now().plusSeconds(3600);
		String creator = "c".repeat(300);
		String comment = "ü".repeat(40_000);
		String id = this.http.createSilence("""
				{"matchers":[{"name":"host","value":"%s","isRegex":false}],
				 "startsAt":"%s","endsAt":"%s","createdBy":"%s","comment":"%s"}
				""".formatted(this.host + "x".repeat(70_000), start, start.plusSeconds(60), creator, comment));
		JsonNode silence = this.json.readTree(this.http.get("/api/v2/silence/" + id).body());
		assertThat(silence.get("createdBy").asString()).isEqualTo(creator);
		assertThat(silence.get("comment").asString()).isEqualTo(comment);
		assertThat(silence.get("matchers").get(0).get("value").asString()).hasSize(this.host.length() + 70_000);
		HttpResponse<String> tooLarge = this.http.post("/api/v2/silences", """
				{"matchers":[{"name":"host","value":"x"}],"startsAt":"%s","endsAt":"%s","createdBy":"t",
				 "comment":"%s"}
				""".formatted(start, start.plusSeconds(60), "x".repeat(1_100_000)), Map.of());
		assertThat(tooLarge.statusCode()).isEqualTo(413);
	}

	@Test
	void creatingASilenceNeverDeadlocksWithAnotherCreation() throws Exception {
		// Two new ids in one index gap. A creation that first updated (finding no row)
		// held a gap lock the other's insert waited on while it waited on the other's:
		// MySQL rolled one back, answered 503 (amtool's silence import lost one so). The
		// peer here creates that way; the store must not. The ids are adjacent, so that
		// no row, not even one deleted and not yet purged, stands between them.
		String base = "~" + UUID.randomUUID().toString().substring(1, 35);
		String peerId = base + "0";
		String ownId = base + "1";
		Instant now = Instant.now();
		ExecutorService creator = Executors.newSingleThreadExecutor();
		try (Connection peer = this.dataSource.getConnection()) {
			peer.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			peer.setAutoCommit(false);
			try (Statement statement = peer.createStatement()) {
				statement.executeUpdate("UPDATE silence SET comment = '' WHERE id = '" + peerId + "'");
				Future<?> created = creator.submit(() -> this.silences
					.create(new StoredSilence(ownId, List.of(new StoredSilence.Matcher("host", this.host, false, true)),
							now.plusSeconds(3600), now.plusSeconds(7200), "t", "c", null, now)));
				awaitLockWait(statement, created);
				statement.executeUpdate("INSERT INTO silence (id, matchers, starts_at, ends_at, created_by, comment, "
						+ "updated_at) VALUES ('" + peerId + "', '[]', NOW(3), NOW(3), 'peer', '', NOW(3))");
				peer.commit();
				created.get(30, TimeUnit.SECONDS);
			}
			assertThat(this.http.get("/api/v2/silence/" + ownId).statusCode()).isEqualTo(200);
		}
		finally {
			creator.shutdownNow();
			this.dsl.execute("DELETE FROM silence WHERE id IN (?, ?)", peerId, ownId);
		}
	}

	// Until a transaction waits for a lock: the creation, on the peer's gap lock.
	private static void awaitLockWait(Statement statement, Future<?> created) throws Exception {
		// InnoDB refreshes what INNODB_TRX shows only when it was not read for 100 ms.
		for (int i = 0; i < 50 && !created.isDone(); i++) {
			try (ResultSet waiting = statement
				.executeQuery("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")) {
				if (waiting.next() && waiting.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(200);
		}
		created.get();
		throw new AssertionError("the creation never waited on the peer's gap lock");
	}

	@Test
	void statusAndReceiversHaveAlertmanagerShape() {
		JsonNode status = this.json.readTree(this.http.get("/api/v2/status").body());
		assertThat(status.get("cluster").get("status").asString()).isEqualTo("disabled");
		assertThat(status.get("cluster").has("name")).as("omitempty in Alertmanager").isFalse();
		assertThat(status.get("config").has("original")).isTrue();
		assertThat(status.get("versionInfo").get("version").asString()).startsWith("zgw");
		assertThat(this.json.readTree(this.http.get("/api/v2/receivers").body()).get(0).get("name").asString())
			.isEqualTo("default");
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsNamed() {
		HttpResponse<String> response = this.http.get("/api/v2/alerts?active=maybe");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").asString()).isEqualTo("active");
		assertThat(problem.get("detail").asString()).isEqualTo("parameter 'active' is not a valid boolean");
	}

	private void postAlert(String name) {
		HttpResponse<String> response = this.http.post("/api/v2/alerts", """
				[{"labels":{"alertname":"%s","host":"%s","business_line":"shop"},"annotations":{"summary":"s"},
				  "generatorURL":"http://gen"}]
				""".formatted(name, this.host), Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private JsonNode query(String query) {
		HttpResponse<String> response = this.http.get("/api/v2/alerts?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static JsonNode onlyAlert(JsonNode alerts) {
		assertThat(alerts).hasSize(1);
		return alerts.get(0);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
