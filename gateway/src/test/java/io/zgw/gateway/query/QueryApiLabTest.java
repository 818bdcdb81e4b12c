package io.zgw.gateway.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;
import java.util.stream.StreamSupport;

import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.sharding.zabbix.EventAcknowledge;
import io.zgw.sharding.zabbix.EventGet;
import io.zgw.sharding.zabbix.ZabbixAcknowledge;
import io.zgw.sharding.zabbix.ZabbixEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryApiLabTest runs the gateway against the lab's two real Zabbix shards: fan-out and
 * merge, colliding ids, routed acknowledgement, paging and every kind of bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = GatewayHttp.ADMIN_KEY_PROPERTY)
@ActiveProfiles("it")
class QueryApiLabTest {

	private static final List<LabShard> LAB = LabShards.load();

	@LocalServerPort
	private int port;

	private GatewayHttp gateway;

	@DynamicPropertySource
	static void shards(DynamicPropertyRegistry registry) {
		LabShards.register(registry, LAB, Duration.ofSeconds(5));
	}

	@BeforeEach
	void connect() {
		this.gateway = new GatewayHttp(this.port, GatewayHttp.ADMIN_KEY);
	}

	@Test
	void hostsOfBothShardsAreMergedInNameOrderEachWithShardAndQualifiedId() throws Exception {
		GatewayHttp.Answer answer = this.gateway.get("/api/v1/hosts?limit=1000");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("partial").asBoolean()).isFalse();
		assertThat(answer.json().path("shards").path("shop").path("status").asString()).isEqualTo("ok");
		assertThat(answer.json().path("shards").path("pay").path("status").asString()).isEqualTo("ok");
		List<JsonNode> hosts = list(answer.json().path("data"));
		assertThat(hosts).extracting((h) -> h.path("shard").asString()).contains("shop", "pay");
		assertThat(hosts)
			.allSatisfy((h) -> assertThat(h.path("id").asString()).startsWith(h.path("shard").asString() + ":"));
		List<String> names = hosts.stream().map((h) -> h.path("name").asString()).toList();
		assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(hosts.size()).isGreaterThanOrEqualTo(100);
	}

	@Test
	void sameZabbixIdOnBothShardsComesBackAsTwoDistinctObjects() throws Exception {
		GatewayHttp.Answer answer = this.gateway.get("/api/v1/hosts?hostId=shop:10559,pay:10559");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<JsonNode> hosts = list(answer.json().path("data"));
		assertThat(hosts).extracting((h) -> h.path("id").asString())
			.containsExactlyInAnyOrder("shop:10559", "pay:10559");
		assertThat(hosts).extracting((h) -> h.path("host").asString())
			.containsExactlyInAnyOrder("shop-web-01", "pay-web-01");
	}

	@Test
	void idIsRoutedToItsOwningShardOnly() throws Exception {
		GatewayHttp.Answer answer = this.gateway.get("/api/v1/items?hostId=pay:10559&limit=5");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(fieldNames(answer.json().path("shards"))).containsExactly("pay");
		assertThat(list(answer.json().path("data"))).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.path("host").path("id").asString()).isEqualTo("pay:10559"));
	}

	@Test
	void businessLineFilterAsksOnlyThatShard() throws Exception {
		GatewayHttp.Answer answer = this.gateway.get("/api/v1/problems?businessLine=pay");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(fieldNames(answer.json().path("shards"))).containsExactly("pay");
		assertThat(list(answer.json().path("data"))).isNotEmpty().allSatisfy((p) -> {
			assertThat(p.path("shard").asString()).isEqualTo("pay");
			assertThat(p.path("hosts").get(0).path("id").asString()).startsWith("pay:");
			assertThat(p.path("hosts").get(0).path("host").asString()).startsWith("pay-");
		});
	}

	// Triggers: many share a lastchange second (and never-changed ones share 0), and
	// Zabbix's lastChangeTill is strict; a page break inside a second once lost them.
	@ParameterizedTest
	@CsvSource({ "/api/v1/events, 60, 7", "/api/v1/triggers, 1000, 25" })
	void cursorPagingWalksTheMergedListingOnceInTheSameOrderAsOnePage(String listing, int whole, int pageSize)
			throws Exception {
		// Objects up to a fixed time do not change while other tests add new ones.
		String upTo = listing + "?to=" + Instant.now().getEpochSecond();
		List<String> all = ids(this.gateway.get(upTo + "&limit=" + whole).json());
		assertThat(all).hasSizeGreaterThan(2 * pageSize);

		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			GatewayHttp.Answer page = this.gateway
				.get(upTo + "&limit=" + pageSize + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			paged.addAll(ids(page.json()));
			cursor = page.json().path("nextCursor").asString(null);
		}
		while (cursor != null && paged.size() < all.size());

		assertThat(paged.subList(0, Math.min(paged.size(), all.size()))).isEqualTo(all);
		assertThat(all).extracting((id) -> id.substring(0, id.indexOf(':'))).contains("shop", "pay");
	}

	@Test
	void filtersBySeverityTagGroupAndHostReachZabbix() throws Exception {
		List<JsonNode> high = list(this.gateway.get("/api/v1/problems?severity=high,disaster").json().path("data"));
		assertThat(high).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.path("severity").asInt()).isGreaterThanOrEqualTo(4));

		List<JsonNode> tagged = list(this.gateway.get("/api/v1/hosts?tag=role:web&limit=1000").json().path("data"));
		assertThat(tagged).isNotEmpty()
			.allSatisfy((h) -> assertThat(h.path("tags").toString()).contains("\"tag\":\"role\",\"value\":\"web\""));

		GatewayHttp.Answer grouped = this.gateway.get("/api/v1/hosts?group=" + encode("shop/web") + "&limit=1000");
		assertThat(fieldNames(grouped.json().path("shards"))).containsExactly("shop", "pay");
		assertThat(list(grouped.json().path("data"))).isNotEmpty()
			.allSatisfy((h) -> assertThat(h.path("shard").asString()).isEqualTo("shop"));

		List<JsonNode> named = list(this.gateway.get("/api/v1/triggers?host=pay-web-01").json().path("data"));
		assertThat(named).isNotEmpty()
			.allSatisfy((t) -> assertThat(t.path("hosts").get(0).path("id").asString()).isEqualTo("pay:10559"));
	}

	@Test
	void acknowledgementGoesToTheOwningShardOnly() throws Exception {
		String eventId = list(this.gateway.get("/api/v1/problems?businessLine=pay&limit=1").json().path("data")).get(0)
			.path("id")
			.asString()
			.substring("pay:".length());
		String message = "zgw query IT " + UUID.randomUUID();

		GatewayHttp.Answer answer = this.gateway.post("/api/v1/problems/pay:" + eventId + "/acknowledge",
				"{\"message\":\"" + message + "\"}");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("data").get(0).path("id").asString()).isEqualTo("pay:" + eventId);
		assertThat(messages(lab("pay"), eventId)).contains(message);
		assertThat(messages(lab("shop"), eventId)).doesNotContain(message);
	}

	@Test
	void acknowledgeFalseWithdrawsTheAcknowledgementInZabbix() throws Exception {
		String eventId = list(this.gateway.get("/api/v1/problems?businessLine=pay&limit=100").json().path("data"))
			.stream()
			.filter((p) -> !p.path("acknowledged").asBoolean())
			.findFirst()
			.orElseThrow(() -> new AssertionError("the lab has no unacknowledged pay problem"))
			.path("id")
			.asString()
			.substring("pay:".length());

		try {
			GatewayHttp.Answer taken = this.gateway.post("/api/v1/problems/pay:" + eventId + "/acknowledge",
					"{\"acknowledge\":true}");
			int takenInZabbix = acknowledged(lab("pay"), eventId);
			GatewayHttp.Answer given = this.gateway.post("/api/v1/problems/pay:" + eventId + "/acknowledge",
					"{\"acknowledge\":false}");

			assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
			assertThat(takenInZabbix).isEqualTo(1);
			assertThat(given.status()).as(given.toString()).isEqualTo(200);
			assertThat(acknowledged(lab("pay"), eventId)).isZero();
		}
		finally {
			// The lab's problem as it was, whatever failed.
			if (acknowledged(lab("pay"), eventId) == 1) {
				lab("pay").client()
					.execute(new EventAcknowledge(List.of(eventId), EventAcknowledge.UNACKNOWLEDGE, null, null));
			}
		}
	}

	@Test
	void historyOfAnItemComesFromItsShardCanBeDownsampledAndOldRangesReadTrends() throws Exception {
		JsonNode item = list(
				this.gateway.get("/api/v1/items?businessLine=shop&search=orders&limit=50").json().path("data"))
			.stream()
			.filter((i) -> i.path("lastClock").asLong() > 0
					&& (i.path("valueType").asInt() == 0 || i.path("valueType").asInt() == 3))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the lab has no shop item with numeric history"));
		long last = item.path("lastClock").asLong();
		String range = "&from=" + (last - 86_400) + "&to=" + (last + 60);

		GatewayHttp.Answer raw = this.gateway.get("/api/v1/history?itemId=" + item.path("id").asString() + range);
		GatewayHttp.Answer hourly = this.gateway
			.get("/api/v1/history?itemId=" + item.path("id").asString() + range + "&step=1h&agg=max");

		assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
		JsonNode series = raw.json().path("data").get(0);
		assertThat(series.path("id").asString()).isEqualTo(item.path("id").asString());
		assertThat(series.path("source").asString()).isEqualTo("history");
		assertThat(list(series.path("points"))).isNotEmpty();
		assertThat(hourly.status()).as(hourly.toString()).isEqualTo(200);
		GatewayHttp.Answer old = this.gateway
			.get("/api/v1/history?itemId=" + item.path("id").asString() + "&from=" + (last - 30 * 86_400));
		GatewayHttp.Answer trends = this.gateway.get("/api/v1/trends?itemId=" + item.path("id").asString() + range);
		assertThat(old.status()).as(old.toString()).isEqualTo(200);
		assertThat(old.json().path("data").get(0).path("source").asString()).isEqualTo("trends");
		assertThat(trends.status()).as(trends.toString()).isEqualTo(200);
		assertThat(trends.json().path("data").get(0).path("source").asString()).isEqualTo("trends");
		assertThat(list(hourly.json().path("data").get(0).path("points")))
			.allSatisfy((p) -> assertThat(p.path("clock").asLong() % 3600).isZero());
	}

	@Test
	void shardsReportTheirZabbixVersionAndClosedBreakers() throws Exception {
		this.gateway.get("/api/v1/problems?limit=1");

		GatewayHttp.Answer answer = this.gateway.get("/api/v1/shards");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(list(answer.json().path("data"))).extracting((s) -> s.path("name").asString())
			.containsExactly("shop", "pay");
		assertThat(list(answer.json().path("data"))).allSatisfy((s) -> {
			assertThat(s.path("version").asString()).startsWith("6.0.");
			assertThat(s.path("breakerState").asString()).isEqualTo("closed");
			assertThat(s.path("lastStatus").asString()).isEqualTo("ok");
			assertThat(s.toString()).doesNotContain(lab(s.path("name").asString()).apiToken());
		});
	}

	@Test
	void healthIsUpWithEveryShardAndMetricsArePrometheusText() throws Exception {
		GatewayHttp.Answer health = this.gateway.get("/actuator/health");
		this.gateway.get("/api/v1/hosts?limit=1");
		GatewayHttp.Answer metrics = this.gateway.get("/actuator/prometheus");

		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.json().path("components").path("shards").path("status").asString()).isEqualTo("UP");
		assertThat(
				health.json().path("components").path("shards").path("details").path("pay").path("version").asString())
			.startsWith("6.0.");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.text()).contains("zgw_shard_calls_total{method=\"host.get\",outcome=\"ok\",shard=\"shop\"}")
			.contains("zgw_shard_call_latency_seconds_bucket")
			.contains("zgw_shard_breaker_state{shard=\"pay\",state=\"closed\"} 1.0");
	}

	@Test
	void aCursorContinuesOnlyTheListingThatMadeIt() throws Exception {
		String hostsCursor = this.gateway.get("/api/v1/hosts?limit=1").json().path("nextCursor").asString();

		assertThat(this.gateway.get("/api/v1/hosts?limit=1&cursor=" + hostsCursor).status()).isEqualTo(200);
		GatewayHttp.Answer onItems = this.gateway.get("/api/v1/items?limit=1&cursor=" + hostsCursor);
		assertThat(onItems.status()).as(onItems.toString()).isEqualTo(400);
		assertThat(onItems.json().path("parameter").asString()).isEqualTo("cursor");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/api/v1/problems?businessLine=nope | businessLine",
			"/api/v1/hosts?hostId=shop-10559 | hostId", "/api/v1/hosts?hostId=nope:10559 | hostId",
			"/api/v1/items?itemId=shop:abc | itemId", "/api/v1/hosts?hostId=shop:9223372036854775808 | hostId",
			"/api/v1/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z | from",
			"/api/v1/events?from=yesterday | from", "/api/v1/problems?limit=5000 | limit",
			"/api/v1/problems?limit=0 | limit", "/api/v1/problems?severity=urgent | severity",
			"/api/v1/problems?cursor=garbage | cursor", "/api/v1/problems?businesline=shop | businesline",
			"/api/v1/history?from=1 | itemId", "/api/v1/history?itemId=shop:1&step=5x | step",
			"/api/v1/history?itemId=shop:1&source=cache | source",
			"/api/v1/history?itemId=shop:1&limit=10000000 | limit", "/api/v1/history?itemId=shop:1&from=1 | from",
			"/api/v1/history?itemId=shop:1&source=trends&from=1 | from",
			"/api/v1/history?itemId=shop:1&source=history&from=2020-01-01T00:00:00Z | from",
			"/api/v1/hosts?hostId= | hostId", "/api/v1/problems?severity= | severity",
			"/api/v1/hosts?group=Linux,,Web | group", "/api/v1/items?search= | search",
			"/api/v1/events?from=1796663500&from=1 | from", "/api/v1/problems?limit=1&limit=2 | limit" })
	void badInputIsA400ProblemNamingTheParameter(String path, String parameter) throws Exception {
		GatewayHttp.Answer answer = this.gateway.get(path);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("parameter").asString()).isEqualTo(parameter);
	}

	// Refused by Tomcat before any handler: once its HTML page and Spring Boot's
	// {timestamp, status, error, path} body.
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/api/v1/hosts?hostId=%zz | Character decoding failed",
			"/api/v1/hosts?hostId=LONG | Request header is too large" })
	void requestsRefusedBeforeAnyHandlerAreProblemsToo(String path, String detail) throws Exception {
		GatewayHttp.Answer answer = this.gateway.raw(path.replace("LONG", "shop:10559,".repeat(800)));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asString()).contains(detail);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/api/v1/problems/shop-8/acknowledge | {\"message\":\"x\"} | id",
					"/api/v1/problems/nope:8/acknowledge | {\"message\":\"x\"} | id",
					"/api/v1/problems/shop:8/acknowledge | {} | body",
					"/api/v1/problems/shop:8/acknowledge | {\"severity\":\"urgent\"} | severity",
					"/api/v1/problems/shop:8/acknowledge | {\"message\":\"x\",\"clsoe\":true} | clsoe",
					"/api/v1/problems/shop:8/acknowledge | {\"message\":\"x\",\"close\":\"soon\"} | close",
					"/api/v1/problems/shop:8/acknowledge | not json | body" })
	void badAcknowledgementIsA400ProblemNamingTheField(String path, String body, String parameter) throws Exception {
		GatewayHttp.Answer answer = this.gateway.post(path, body);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("parameter").asString()).isEqualTo(parameter);
	}

	@Test
	void acknowledgementMessageOverZabbixLimitIsA400NotZabbixEcho() throws Exception {
		GatewayHttp.Answer answer = this.gateway.post("/api/v1/problems/shop:8/acknowledge",
				"{\"message\":\"" + "x".repeat(Acknowledger.MAX_MESSAGE + 1) + "\"}");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("parameter").asString()).isEqualTo("message");
		assertThat(answer.json().path("detail").asString()).doesNotContain("xxxx");
	}

	@Test
	void acknowledgementOfAProblemTheShardDoesNotHaveIsRefusedWithZabbixMessage() throws Exception {
		GatewayHttp.Answer answer = this.gateway.post("/api/v1/problems/shop:99999999/acknowledge",
				"{\"message\":\"nobody home\"}");

		assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
		assertThat(answer.json().path("shard").asString()).isEqualTo("shop");
		assertThat(answer.json().path("detail").asString()).contains("event.acknowledge failed");
	}

	@Test
	void keyForOneBusinessLineSeesOnlyItsShardAndIsRefusedTheOthers() throws Exception {
		GatewayHttp shopOperator = this.gateway.as(createKey("operator", "shop"));

		GatewayHttp.Answer listing = shopOperator.get("/api/v1/problems");
		GatewayHttp.Answer shards = shopOperator.get("/api/v1/shards");
		GatewayHttp.Answer forbidden = shopOperator.get("/api/v1/problems?businessLine=pay");
		GatewayHttp.Answer foreignId = shopOperator.get("/api/v1/hosts?hostId=pay:10559");
		GatewayHttp.Answer foreignAck = shopOperator.post("/api/v1/problems/pay:8/acknowledge", "{\"message\":\"x\"}");

		assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
		assertThat(fieldNames(listing.json().path("shards"))).containsExactly("shop");
		assertThat(list(shards.json().path("data"))).extracting((s) -> s.path("name").asString())
			.containsExactly("shop");
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(forbidden.json().path("detail").asString()).contains("'pay'");
		assertThat(foreignId.status()).as(foreignId.toString()).isEqualTo(403);
		assertThat(foreignAck.status()).as(foreignAck.toString()).isEqualTo(403);
	}

	@Test
	void repeatedHostListingFromTheCacheIsTheSameAnswerAndKeepsTheKeysBusinessLines() throws Exception {
		GatewayHttp shopViewer = this.gateway.as(createKey("viewer", "shop"));

		GatewayHttp.Answer first = this.gateway.get("/api/v1/hosts?limit=1000");
		GatewayHttp.Answer cached = this.gateway.get("/api/v1/hosts?limit=1000");
		GatewayHttp.Answer shopOnly = shopViewer.get("/api/v1/hosts?limit=1000");

		assertThat(cached.status()).as(cached.toString()).isEqualTo(200);
		assertThat(cached.json().path("data")).isEqualTo(first.json().path("data"));
		assertThat(fieldNames(cached.json().path("shards"))).containsExactly("shop", "pay");
		assertThat(shopOnly.status()).as(shopOnly.toString()).isEqualTo(200);
		assertThat(fieldNames(shopOnly.json().path("shards"))).containsExactly("shop");
		assertThat(list(shopOnly.json().path("data"))).isNotEmpty()
			.allSatisfy((h) -> assertThat(h.path("shard").asString()).isEqualTo("shop"));
	}

	private String createKey(String role, String businessLine) throws Exception {
		GatewayHttp.Answer created = this.gateway.post("/api/v1/admin/keys",
				"{\"name\":\"query-lab-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"" + role
						+ "\",\"businessLines\":[\"" + businessLine + "\"]}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("key").asString();
	}

	private static List<String> messages(LabShard shard, String eventId) {
		List<ZabbixEvent> events = shard.client().execute(EventGet.byIds(List.of(eventId)));
		return events.stream().flatMap((e) -> e.acknowledges().stream()).map(ZabbixAcknowledge::message).toList();
	}

	private static int acknowledged(LabShard shard, String eventId) {
		return shard.client().execute(EventGet.byIds(List.of(eventId))).get(0).acknowledged();
	}

	private static LabShard lab(String name) {
		return LAB.stream().filter((s) -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private static List<String> ids(JsonNode envelope) {
		return list(envelope.path("data")).stream().map((p) -> p.path("id").asString()).toList();
	}

	private static List<JsonNode> list(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).toList();
	}

	private static List<String> fieldNames(JsonNode object) {
		return object.propertyNames().stream().toList();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
