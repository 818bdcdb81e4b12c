package io.zgw.gateway.notify;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.sql.tables.records.OutboxRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.zgw.sql.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the admin API over failed notifications against the real MariaDB outbox: listing
 * them with their last error, and sending one again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class OutboxAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	JsonMapper json;

	AlertingTestSupport admin;

	String receiver;

	@BeforeEach
	void setUp() {
		this.admin = new AlertingTestSupport(this.port);
		// Other tests share the outbox: this test's rows are told by their receiver.
		this.receiver = "outbox-admin-" + UUID.randomUUID();
	}

	@AfterEach
	void deleteRows() {
		this.dsl.deleteFrom(OUTBOX).where(OUTBOX.RECEIVER.eq(this.receiver)).execute();
	}

	@Test
	void failedRowsAreListedNewestFirstWithTheirErrorAndOneCanBeSentAgain() {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		long older = insert(now.minusMinutes(5), null, "400 Bad Request: missing field");
		long newer = insert(now.minusMinutes(1), null, "401 Unauthorized: bad token");
		long delivered = insert(null, now, null);

		JsonNode failed = list("?receiver=" + this.receiver);
		assertThat(failed.valueStream().map((row) -> row.get("id").asLong())).containsExactly(newer, older);
		JsonNode first = failed.get(0);
		assertThat(first.get("receiver").asString()).isEqualTo(this.receiver);
		assertThat(first.get("integration").asString()).isEqualTo("webhook[0]");
		assertThat(first.get("attempts").asInt()).isEqualTo(7);
		assertThat(first.get("lastError").asString()).isEqualTo("401 Unauthorized: bad token");
		assertThat(first.get("payloadChars").asInt()).isEqualTo("{\"version\":\"4\"}".length());
		assertThat(first.has("payload")).isFalse();
		assertThat(list("?receiver=" + this.receiver + "&limit=1")).hasSize(1);

		HttpResponse<String> retried = this.admin.post("/api/v1/admin/outbox/" + older + "/retry", "", Map.of());
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(this.json.readTree(retried.body()).get("state").asString()).isEqualTo("pending");
		OutboxRecord row = this.dsl.selectFrom(OUTBOX).where(OUTBOX.ID.eq(older)).fetchSingle();
		assertThat(row.getFailedAt()).isNull();
		assertThat(row.getAttempts()).isZero();
		assertThat(row.getNextAttemptAt()).isAfterOrEqualTo(now);
		assertThat(list("?receiver=" + this.receiver).valueStream().map((r) -> r.get("id").asLong()))
			.containsExactly(newer);

		assertThat(this.admin.post("/api/v1/admin/outbox/" + older + "/retry", "", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(this.admin.post("/api/v1/admin/outbox/" + delivered + "/retry", "", Map.of()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void onlyAdminKeysForEveryBusinessLineMayUseIt() {
		String scopedAdmin = this.admin.createKey("admin", "[\"shop\"]");
		HttpResponse<String> scoped = new AlertingTestSupport(this.port, scopedAdmin)
			.get("/api/v1/admin/outbox/failed");
		assertThat(scoped.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(scoped.body()).get("detail").asString()).contains("(*)");
		String operator = this.admin.createKey("operator", "[\"*\"]");
		assertThat(new AlertingTestSupport(this.port, operator).get("/api/v1/admin/outbox/failed").statusCode())
			.isEqualTo(403);
		HttpResponse<String> badLimit = this.admin.get("/api/v1/admin/outbox/failed?limit=0");
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(badLimit.body()).get("parameter").asString()).isEqualTo("limit");
	}

	private JsonNode list(String query) {
		HttpResponse<String> response = this.admin.get("/api/v1/admin/outbox/failed" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private long insert(@Nullable LocalDateTime failedAt, @Nullable LocalDateTime deliveredAt,
			@Nullable String lastError) {
		LocalDateTime created = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(10);
		return this.dsl.insertInto(OUTBOX)
			.set(OUTBOX.GROUP_KEY, "{}:{alertname=\"X\"}")
			.set(OUTBOX.RECEIVER, this.receiver)
			.set(OUTBOX.INTEGRATION, "webhook[0]")
			.set(OUTBOX.CHAIN_KEY, "0".repeat(64))
			.set(OUTBOX.PAYLOAD, "{\"version\":\"4\"}")
			.set(OUTBOX.CREATED_AT, created)
			.set(OUTBOX.ATTEMPTS, 7)
			.set(OUTBOX.NEXT_ATTEMPT_AT, created)
			.set(OUTBOX.FAILED_AT, failedAt)
			.set(OUTBOX.DELIVERED_AT, deliveredAt)
			.set(OUTBOX.LAST_ERROR, lastError)
			.returning(OUTBOX.ID)
			.fetchSingle()
			.getId();
	}

}
