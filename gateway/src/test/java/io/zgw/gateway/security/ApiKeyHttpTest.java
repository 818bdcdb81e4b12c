package io.zgw.gateway.security;

import io.zgw.gateway.testsupport.ManualClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.zgw.sql.Tables.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ApiKeyHttpTest drives the running gateway over real HTTP against the real MariaDB:
 * authentication, roles, business lines, the admin key endpoints and what reaches the
 * log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.security.bootstrap-admin-key=" + ApiKeyHttpTest.BOOTSTRAP_KEY,
				"logging.level.org.springframework.web=DEBUG", "logging.level.io.zgw=DEBUG" })
@ActiveProfiles("it")
@Import(ApiKeyHttpTest.ScopedController.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyHttpTest {

	static final String BOOTSTRAP_KEY = "it-bootstrap-admin-key-0123456789";

	private static final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyStore store;

	@Autowired
	ApiKeyAuthenticator authenticator;

	@Autowired
	DSLContext db;

	@Autowired
	KeyUsage usage;

	@Autowired
	MeterRegistry meters;

	/**
	 * ScopedController stands in for the query API: business-line scoped reads and
	 * writes.
	 */
	@RestController
	static class ScopedController {

		@GetMapping("/api/v1/test-scoped/{businessLine}")
		Map<String, String> read(@PathVariable String businessLine, ApiPrincipal principal) {
			principal.requireVisible(businessLine);
			return Map.of("name", principal.name(), "businessLine", businessLine);
		}

		@PostMapping("/api/v1/test-scoped/{businessLine}")
		Map<String, String> write(@PathVariable String businessLine, ApiPrincipal principal) {
			principal.requireVisible(businessLine);
			return Map.of("done", businessLine);
		}

	}

	@Test
	void requestWithoutKeyGets401ProblemWithBearerChallenge() throws Exception {
		HttpResponse<String> response = send("GET", "/api/v1/admin/keys", null, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(response).path("status").asInt()).isEqualTo(401);
	}

	@Test
	void unknownKeyAndNonBearerSchemeGet401() throws Exception {
		assertThat(send("GET", "/api/v1/test-scoped/shop", "zgw_unknownunknownunknownunknown", null).statusCode())
			.isEqualTo(401);
		assertThat(send("GET", "/api/v1/test-scoped/shop", "short", null).statusCode()).isEqualTo(401);
		HttpResponse<String> basic = http.send(
				request("/api/v1/test-scoped/shop").header("Authorization", "Basic " + BOOTSTRAP_KEY).GET().build(),
				BodyHandlers.ofString());
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.body()).doesNotContain(BOOTSTRAP_KEY);
	}

	@Test
	void openPathsNeedNoKeyAndSecretEndpointsAreNotExposed() throws Exception {
		assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/env", BOOTSTRAP_KEY, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/actuator/configprops", BOOTSTRAP_KEY, null).statusCode()).isEqualTo(404);
	}

	@Test
	void healthShowsItsComponentsOnlyToAKeyThatSeesEveryBusinessLine() throws Exception {
		String viewerOfAll = createKey("health-all", "viewer", List.of("*"));
		String viewerOfShop = createKey("health-shop", "viewer", List.of("shop"));
		assertThat(this.json.readTree(send("GET", "/actuator/health", viewerOfAll, null).body()).has("components"))
			.isTrue();
		// Anonymous, a key of one business line, or a key that is no key: the status
		// only, never a refusal on an open path.
		for (String key : new String[] { null, viewerOfShop, "unknown-key-0123456789abcdef" }) {
			HttpResponse<String> health = send("GET", "/actuator/health", key, null);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(health.body()).has("status")).isTrue();
			assertThat(this.json.readTree(health.body()).has("components")).as(health.body()).isFalse();
		}
	}

	@Test
	void viewerReadsButCannotPostWhileOperatorCan() throws Exception {
		String viewer = createKey("viewer-ci", "viewer", List.of("shop"));
		String operator = createKey("operator-ci", "operator", List.of("shop"));
		assertThat(send("GET", "/api/v1/test-scoped/shop", viewer, null).statusCode()).isEqualTo(200);
		HttpResponse<String> denied = send("POST", "/api/v1/test-scoped/shop", viewer, "{}");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(body(denied).path("detail").asString()).contains("viewer").contains("operator");
		assertThat(send("POST", "/api/v1/test-scoped/shop", operator, "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void everyRefusalIsCountedByReasonAndScraped() throws Exception {
		Map<String, Double> before = new LinkedHashMap<>();
		for (String reason : List.of("missing_key", "malformed_header", "unknown_key", "role", "scope")) {
			before.put(reason, failures(reason));
		}
		String viewer = createKey("viewer-counted", "viewer", List.of("shop"));
		assertThat(send("GET", "/api/v1/test-scoped/shop", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> basic = http.send(
				request("/api/v1/test-scoped/shop").header("Authorization", "Basic " + viewer).GET().build(),
				BodyHandlers.ofString());
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/test-scoped/shop", "zgw_unknownunknownunknownunknown", null).statusCode())
			.isEqualTo(401);
		assertThat(send("POST", "/api/v1/test-scoped/shop", viewer, "{}").statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/v1/test-scoped/pay", viewer, null).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/v1/test-scoped/shop", viewer, null).statusCode()).isEqualTo(200);
		before.forEach((reason, count) -> assertThat(failures(reason)).as(reason).isEqualTo(count + 1));
		String scraped = send("GET", "/actuator/prometheus", null, null).body();
		assertThat(scraped).contains("zgw_auth_failures_total{reason=\"webhook_wrong_secret\"} 0.0")
			.doesNotContain(viewer);
	}

	@Test
	void adminEndpointsRefuseOperators() throws Exception {
		String operator = createKey("operator-admin-probe", "operator", List.of("*"));
		assertThat(send("GET", "/api/v1/admin/keys", operator, null).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/v1/admin/keys", operator,
				"{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\"]}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void keySeesOnlyItsBusinessLines() throws Exception {
		String shopOnly = createKey("shop-only", "operator", List.of("shop"));
		assertThat(send("GET", "/api/v1/test-scoped/shop", shopOnly, null).statusCode()).isEqualTo(200);
		HttpResponse<String> other = send("GET", "/api/v1/test-scoped/pay", shopOnly, null);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(body(other).path("detail").asString()).contains("'pay'");
		String everything = createKey("everything", "viewer", List.of("*"));
		assertThat(send("GET", "/api/v1/test-scoped/pay", everything, null).statusCode()).isEqualTo(200);
	}

	@Test
	void revokedKeyGets401AtOnce() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY,
				"{\"name\":\"to-revoke\",\"role\":\"viewer\",\"businessLines\":[\"shop\"]}");
		String key = body(created).path("key").asString();
		long id = body(created).path("id").asLong();
		assertThat(send("GET", "/api/v1/test-scoped/shop", key, null).statusCode()).isEqualTo(200);
		assertThat(send("DELETE", "/api/v1/admin/keys/" + id, BOOTSTRAP_KEY, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/test-scoped/shop", key, null).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/api/v1/admin/keys/" + id, BOOTSTRAP_KEY, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/v1/admin/keys/999999999", BOOTSTRAP_KEY, null).statusCode()).isEqualTo(404);
	}

	@Test
	void keyIsShownOnceAndNeverListed() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY,
				"{\"name\":\"shown-once\",\"role\":\"operator\",\"businessLines\":[\"pay\",\"shop\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode createdBody = body(created);
		String key = createdBody.path("key").asString();
		assertThat(key).startsWith("zgw_").hasSize(47);
		assertThat(createdBody.path("prefix").asString()).isEqualTo(key.substring(0, 12));
		assertThat(created.headers().firstValue("Location"))
			.hasValue("/api/v1/admin/keys/" + createdBody.path("id").asLong());

		HttpResponse<String> listed = send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("shown-once")
			.doesNotContain(key)
			.doesNotContain(ApiKeys.hash(key))
			.doesNotContain(ApiKeys.hash(BOOTSTRAP_KEY))
			.doesNotContain(BOOTSTRAP_KEY);
		JsonNode entry = findByName(body(listed), "shown-once");
		assertThat(entry.path("role").asString()).isEqualTo("operator");
		assertThat(entry.path("businessLines").toString()).isEqualTo("[\"pay\",\"shop\"]");
		assertThat(entry.has("key")).isFalse();
	}

	@Test
	void listingOmitsKeysBeyondTheCallersBusinessLines() throws Exception {
		createKey("pay-reader", "viewer", List.of("pay"));
		String shopAdmin = createKey("shop-admin", "admin", List.of("shop"));
		HttpResponse<String> listed = send("GET", "/api/v1/admin/keys", shopAdmin, null);
		assertThat(listed.body()).contains("shop-admin").doesNotContain("pay-reader").doesNotContain("bootstrap");
		assertThat(send("POST", "/api/v1/admin/keys", shopAdmin,
				"{\"name\":\"escalate\",\"role\":\"viewer\",\"businessLines\":[\"*\"]}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void badCreateInputGets400NamingTheField() throws Exception {
		assertBadField("{\"role\":\"viewer\",\"businessLines\":[\"shop\"]}", "name");
		assertBadField("{\"name\":\"has space\",\"role\":\"viewer\",\"businessLines\":[\"shop\"]}", "name");
		assertBadField("{\"name\":\"bootstrap\",\"role\":\"viewer\",\"businessLines\":[\"shop\"]}", "name");
		assertBadField("{\"name\":\"x\",\"role\":\"root\",\"businessLines\":[\"shop\"]}", "role");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\"}", "businessLines");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\",\"Pay!\"]}",
				"businessLines[1]");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"*\",\"shop\"]}", "businessLines");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\"],\"expiresAt\":\"tomorrow\"}",
				"expiresAt");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\"],"
				+ "\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "expiresAt");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\"],"
				+ "\"expiresAt\":\"2099-01-01T00:00:00\"}", "expiresAt");
		assertBadField("{\"name\":\"x\",\"role\":\"viewer\",\"businessLines\":[\"shop\"],"
				+ "\"expiresAt\":\"+20000-01-01T00:00:00Z\"}", "expiresAt");
		assertThat(send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY, "{not json").statusCode()).isEqualTo(400);
	}

	@Test
	void bootstrapKeyIsEnsuredIdempotentlyAndReinstatedIfRevoked() throws Exception {
		assertThat(countKeysWith(BOOTSTRAP_KEY)).isEqualTo(1);
		BootstrapAdminKey again = new BootstrapAdminKey(BOOTSTRAP_KEY, this.store, this.authenticator,
				Clock.systemUTC());
		again.afterSingletonsInstantiated();
		assertThat(countKeysWith(BOOTSTRAP_KEY)).isEqualTo(1);

		long id = this.db.select(API_KEY.ID)
			.from(API_KEY)
			.where(API_KEY.KEY_HASH.eq(ApiKeys.hash(BOOTSTRAP_KEY)))
			.fetchSingle(API_KEY.ID);
		this.store.revoke(id, Instant.now()).ifPresent(this.authenticator::evict);
		assertThat(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null).statusCode()).isEqualTo(401);
		again.afterSingletonsInstantiated();
		assertThat(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null).statusCode()).isEqualTo(200);
		assertThat(countKeysWith(BOOTSTRAP_KEY)).isEqualTo(1);
	}

	@Test
	void keysNeverReachTheLog(CapturedOutput output) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY,
				"{\"name\":\"log-probe\",\"role\":\"operator\",\"businessLines\":[\"shop\"]}");
		String key = body(created).path("key").asString();
		send("GET", "/api/v1/test-scoped/shop", key, null);
		send("POST", "/api/v1/test-scoped/pay", key, "{}");
		send("GET", "/api/v1/admin/keys", key, null);
		// The DEBUG logging this test runs with does log these requests...
		assertThat(output.getAll()).contains("/api/v1/admin/keys");
		// ...but never a key or its hash.
		assertThat(output.getAll()).doesNotContain(key)
			.doesNotContain(key.substring(12))
			.doesNotContain(ApiKeys.hash(key))
			.doesNotContain(BOOTSTRAP_KEY);
	}

	@Test
	void keyWithAnExpiryWorksUntilThenAndIsListedWithIt() throws Exception {
		Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		// A name of this run's own: the database keeps the keys of earlier runs.
		String name = "expiring-" + expiresAt.getEpochSecond();
		HttpResponse<String> created = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY,
				"{\"name\":\"" + name + "\",\"role\":\"viewer\",\"businessLines\":[\"shop\"],\"expiresAt\":\""
						+ expiresAt.atOffset(ZoneOffset.ofHours(2)) + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(body(created).path("expiresAt").asString()).isEqualTo(expiresAt.toString());
		String key = body(created).path("key").asString();
		assertThat(send("GET", "/api/v1/test-scoped/shop", key, null).statusCode()).isEqualTo(200);
		JsonNode listed = findByName(body(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null)), name);
		assertThat(listed.path("expiresAt").asString()).isEqualTo(expiresAt.toString());

		// The expiry is checked at every use, not only when the cache reads the database.
		ManualClock clock = new ManualClock(expiresAt.minusSeconds(1));
		ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(this.store,
				new ExpiringCache<>(Duration.ofHours(1), 100, clock), clock, this.usage);
		assertThat(authenticator.authenticate(key)).isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(authenticator.authenticate(key)).as("expired, though cached").isEmpty();
	}

	@Test
	void lastUseIsListedAfterTheFlushAndAReplicaWithAnOlderUseDoesNotMoveItBack() throws Exception {
		String name = "used-" + System.nanoTime();
		String key = createKey(name, "viewer", List.of("shop"));
		String unused = createKey(name + "-unused", "viewer", List.of("shop"));
		JsonNode before = findByName(body(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null)), name);
		assertThat(before.path("lastUsedAt").isNull()).as("never used").isTrue();

		Instant usedFrom = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		assertThat(send("GET", "/api/v1/test-scoped/shop", key, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/test-scoped/pay", unused + "x", null).statusCode()).isEqualTo(401);
		Instant usedBy = Instant.now();
		this.usage.flush();

		JsonNode keys = body(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null));
		Instant lastUsed = Instant.parse(findByName(keys, name).path("lastUsedAt").asString());
		assertThat(lastUsed).isBetween(usedFrom, usedBy);
		assertThat(findByName(keys, name + "-unused").path("lastUsedAt").isNull()).as("a refused key is not used")
			.isTrue();

		// Another replica flushes a use it saw earlier: the later time stays.
		KeyUsage replica = new KeyUsage(this.store, Duration.ofMinutes(1));
		replica.used(ApiKeys.hash(key), lastUsed.minusSeconds(30));
		replica.flush();
		assertThat(findByName(body(send("GET", "/api/v1/admin/keys", BOOTSTRAP_KEY, null)), name).path("lastUsedAt")
			.asString()).isEqualTo(lastUsed.toString());
	}

	@Test
	void revocationOnAnotherReplicaTakesEffectWithinTheCacheTtl() throws Exception {
		ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
		ApiKeyAuthenticator replica = new ApiKeyAuthenticator(this.store,
				new ExpiringCache<>(Duration.ofSeconds(10), 100, clock), clock, this.usage);
		HttpResponse<String> created = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY,
				"{\"name\":\"replica-probe\",\"role\":\"viewer\",\"businessLines\":[\"shop\"]}");
		String key = body(created).path("key").asString();
		assertThat(replica.authenticate(key)).isPresent();

		send("DELETE", "/api/v1/admin/keys/" + body(created).path("id").asLong(), BOOTSTRAP_KEY, null);
		clock.advance(Duration.ofSeconds(9));
		assertThat(replica.authenticate(key)).as("still cached on the other replica").isPresent();
		clock.advance(Duration.ofSeconds(1));
		assertThat(replica.authenticate(key)).isEmpty();
	}

	private void assertBadField(String requestBody, String field) throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY, requestBody);
		assertThat(response.statusCode()).as(requestBody).isEqualTo(400);
		assertThat(body(response).path("parameter").asString()).as(requestBody).isEqualTo(field);
	}

	private double failures(String reason) {
		return this.meters.get(AuthFailures.METRIC).tag("reason", reason).counter().count();
	}

	private int countKeysWith(String key) {
		return this.db.fetchCount(API_KEY, API_KEY.KEY_HASH.eq(ApiKeys.hash(key)));
	}

	private String createKey(String name, String role, List<String> businessLines) throws Exception {
		String requestBody = this.json
			.writeValueAsString(Map.of("name", name, "role", role, "businessLines", businessLines));
		HttpResponse<String> response = send("POST", "/api/v1/admin/keys", BOOTSTRAP_KEY, requestBody);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return body(response).path("key").asString();
	}

	private JsonNode findByName(JsonNode list, String name) {
		for (JsonNode node : list) {
			if (node.path("name").asString().equals(name)) {
				return node;
			}
		}
		throw new AssertionError("no key named " + name + " in " + list);
	}

	private JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(String method, String path, @Nullable String key, @Nullable String jsonBody)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = request(path).method(method,
				(jsonBody != null) ? BodyPublishers.ofString(jsonBody) : BodyPublishers.noBody());
		if (jsonBody != null) {
			builder.header("Content-Type", "application/json");
		}
		if (key != null) {
			builder.header("Authorization", "Bearer " + key);
		}
		return http.send(builder.build(), BodyHandlers.ofString());
	}

}
