package io.zgw.gateway.alerting;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertWriter;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.alerting.store.UtcTimes;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Integration tests of Alertmanager API v2 {@code POST /api/v2/alerts} against the real
 * MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class AlertmanagerIngestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AlertReader reader;

	@Autowired
	JsonMapper json;

	@Autowired
	AlertWriter writer;

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
	void postedAlertIsStoredWithAlertmanagerDefaultsBeforeTheAnswer() {
		Instant before = Instant.now();
		HttpResponse<String> response = post("""
				[{"labels":{"alertname":"DiskFull","host":"%s","business_line":"shop"},
				  "annotations":{"summary":"disk full"},"generatorURL":"http://prom/graph"}]
				""".formatted(this.host));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		StoredAlert alert = stored("DiskFull");
		assertThat(alert.source()).isEqualTo("alertmanager");
		assertThat(alert.annotations()).containsEntry("summary", "disk full");
		assertThat(alert.generatorUrl()).isEqualTo("http://prom/graph");
		assertThat(alert.startsAt()).isBetween(before.minusMillis(1), Instant.now());
		assertThat(Duration.between(alert.startsAt(), alert.endsAt())).isCloseTo(Duration.ofMinutes(5),
				Duration.ofMillis(2));
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created");
	}

	@Test
	void resendKeepsEarliestStartExtendsEndAndRecordsNoHistory() {
		post(alert("Resent", "2026-11-28T10:00:00Z", "2098-12-31T22:00:00Z"));
		HttpResponse<String> resend = post(alert("Resent", "2026-11-28T11:00:00Z", "2099-01-01T00:00:00+01:00"));
		assertThat(resend.statusCode()).isEqualTo(200);
		StoredAlert alert = stored("Resent");
		assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(alert.endsAt()).isEqualTo(Instant.parse("2098-12-31T23:00:00Z"));
		assertThat(this.reader.history(alert.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created");
	}

	@Test
	void laterEndItsSenderGaveIsKeptAgainstAnEarlierOneAsAlertmanagerKeepsIt() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = now.minusSeconds(60);
		Instant later = now.plus(Duration.ofHours(1));
		post(alert("TwoHorizons", start.toString(), later.toString()));
		post(alert("TwoHorizons", start.toString(), now.plus(Duration.ofMinutes(30)).toString()));
		assertThat(stored("TwoHorizons").endsAt()).isEqualTo(later);
		// Sent without an end: the timeout's end is earlier, the sender's stays...
		post(alert("TwoHorizons", start.toString(), null));
		assertThat(stored("TwoHorizons").endsAt()).isEqualTo(later);
		// ... once: the stored end is now the timeout's kind, which a re-send replaces.
		post(alert("TwoHorizons", start.toString(), null));
		assertThat(stored("TwoHorizons").endsAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(5)),
				within(Duration.ofSeconds(10)));
	}

	@Test
	void storedRowsEndIsMergedAsAlertmanagerDoesWhenTheWriterNeverSawTheAlert() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant later = now.plus(Duration.ofHours(1));
		Instant earlier = now.plus(Duration.ofMinutes(30));
		storedElsewhere("ExplicitElsewhere", now.minusSeconds(60), later);
		String timedOut = storedElsewhere("TimeoutElsewhere", now.minusSeconds(60), later);
		this.dsl.execute("UPDATE alert SET ends_at_timeout = TRUE WHERE alert_key = ?", timedOut);
		post(alert("ExplicitElsewhere", now.toString(), earlier.toString()));
		post(alert("TimeoutElsewhere", now.toString(), earlier.toString()));
		assertThat(stored("ExplicitElsewhere").endsAt()).isEqualTo(later);
		assertThat(stored("TimeoutElsewhere").endsAt()).isEqualTo(earlier);
		// An end in the past resolves, whatever end was stored.
		Instant past = now.minusSeconds(1);
		post(alert("ExplicitElsewhere", now.minusSeconds(60).toString(), past.toString()));
		assertThat(stored("ExplicitElsewhere").endsAt()).isEqualTo(past);
	}

	@Test
	void loneSurrogatesAreStoredAndShownAsAlertmanagerReadsThem() {
		// JSON escapes of unpaired surrogates, which Go's JSON decodes as U+FFFD.
		HttpResponse<String> response = post("""
				[{"labels":{"alertname":"Lone\\ud800","host":"%s"},
				  "annotations":{"summary":"x\\udc00"},"generatorURL":"http://p/\\ud83d"}]
				""".formatted(this.host));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		StoredAlert alert = stored("Lone\ufffd");
		assertThat(alert.annotations()).containsEntry("summary", "x\ufffd");
		assertThat(alert.generatorUrl()).isEqualTo("http://p/\ufffd");
		JsonNode shown = this.http
			.getJson("/api/v2/alerts?filter=" + URLEncoder.encode("host=\"" + this.host + "\"", StandardCharsets.UTF_8))
			.get(0);
		assertThat(shown.get("labels").get("alertname").asString()).isEqualTo("Lone\ufffd");
		assertThat(shown.get("fingerprint").asString()).isEqualTo(alert.fingerprint());
	}

	@Test
	void longGeneratorUrlAndBusinessLineAreStoredAsAlertmanagerTakesThem() {
		// Over their columns (2,048 and 64 characters), they failed the whole batch with
		// a
		// 503, and other requests committed with it.
		String url = "http://prom:9090/graph?g0.expr=" + "x".repeat(3000);
		String line = "l".repeat(100);
		HttpResponse<String> response = post("""
				[{"labels":{"alertname":"LongGen","host":"%s"},"generatorURL":"%s"},
				 {"labels":{"alertname":"LongLine","host":"%s","business_line":"%s"}}]
				""".formatted(this.host, url, this.host, line));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(stored("LongGen").generatorUrl()).isEqualTo(url);
		StoredAlert longLine = this.reader
			.find(AlertingTestSupport
				.key(LabelSet.of(Map.of("alertname", "LongLine", "host", this.host, "business_line", line))))
			.orElseThrow();
		assertThat(longLine.labels().get("business_line")).isEqualTo(line);
	}

	@Test
	void alertFiringBeyondTheYear9999IsStoredAsFiringForEver() {
		// Its end, start + resolve_timeout, lies beyond what DATETIME holds.
		HttpResponse<String> response = post(alert("Forever", "9999-12-31T23:58:00Z", null));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(stored("Forever").endsAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
	}

	@Test
	void endsAtInThePastResolvesAndRefiringIsRecorded() {
		Instant start = Instant.now().minusSeconds(60);
		post(alert("Flappy", start.toString(), null));
		post(alert("Flappy", start.toString(), Instant.now().minusSeconds(1).toString()));
		StoredAlert resolved = stored("Flappy");
		assertThat(resolved.endsAt()).isBefore(Instant.now());
		assertThat(this.reader.firingAt(Instant.now())).noneMatch((a) -> a.alertKey().equals(resolved.alertKey()));
		post(alert("Flappy", Instant.now().toString(), null));
		assertThat(this.reader.history(resolved.alertKey())).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved", "refired");
		assertThat(stored("Flappy").startsAt()).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
	}

	@Test
	void alertsStoredByAnotherReplicaAreMergedWithTheStoredRowAndTheirChangesRecorded() {
		Instant earlier = Instant.parse("2026-11-28T08:00:00Z");
		String firing = storedElsewhere("ElsewhereFiring", earlier, Instant.now().plusSeconds(600));
		String stillFiring = storedElsewhere("ElsewhereResent", earlier, Instant.now().plusSeconds(600));
		String resolved = storedElsewhere("ElsewhereResolved", earlier, Instant.now().minusSeconds(600));
		Instant later = Instant.parse("2026-11-28T09:00:00Z");
		assertThat(
				post(alert("ElsewhereFiring", later.toString(), Instant.now().minusSeconds(1).toString())).statusCode())
			.isEqualTo(200);
		assertThat(post(alert("ElsewhereResent", later.toString(), null)).statusCode()).isEqualTo(200);
		Instant refired = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		assertThat(post(alert("ElsewhereResolved", refired.toString(), null)).statusCode()).isEqualTo(200);

		assertThat(this.reader.history(firing)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "resolved");
		assertThat(stored("ElsewhereFiring").startsAt()).as("overlapping: the stored start stays").isEqualTo(earlier);
		assertThat(this.reader.history(stillFiring)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created");
		assertThat(stored("ElsewhereResent").startsAt()).isEqualTo(earlier);
		assertThat(this.reader.history(resolved)).extracting(AlertReader.HistoryEntry::kind)
			.containsExactly("created", "refired");
		assertThat(stored("ElsewhereResolved").startsAt()).as("after the stored end: a new start").isEqualTo(refired);
	}

	@Test
	void resolveSentWithOnlyAnEndsAtResolvesAndKeepsTheStart() {
		Instant start = Instant.now().minusSeconds(60);
		post(alert("ResolvedByEnd", start.toString(), null));
		Instant end = Instant.now().minusSeconds(1);
		String resolve = "[{\"labels\":{\"alertname\":\"ResolvedByEnd\",\"host\":\"%s\"},\"endsAt\":\"%s\"}]"
			.formatted(this.host, end);
		assertThat(post(resolve).statusCode()).isEqualTo(200);
		StoredAlert resolved = stored("ResolvedByEnd");
		assertThat(resolved.endsAt()).isEqualTo(end.truncatedTo(ChronoUnit.MILLIS));
		assertThat(resolved.startsAt()).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));
	}

	@Test
	void newAlertSentWithOnlyAFutureEndsAtStartsAtItsEnd() {
		// Alertmanager 0.25 answers GET /api/v2/alerts with startsAt = endsAt for it.
		Instant end = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
		String body = "[{\"labels\":{\"alertname\":\"EndsOnly\",\"host\":\"%s\"},\"endsAt\":\"%s\"}]"
			.formatted(this.host, end);
		assertThat(post(body).statusCode()).isEqualTo(200);
		StoredAlert alert = stored("EndsOnly");
		assertThat(alert.startsAt()).isEqualTo(end);
		assertThat(alert.endsAt()).isEqualTo(end);
	}

	@Test
	void manyAlertsInOneRequestAreAllStored() {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < 300; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"labels\":{\"alertname\":\"Bulk\",\"host\":\"%s\",\"n\":\"%d\"}}".formatted(this.host, i));
		}
		assertThat(post(body.append("]").toString()).statusCode()).isEqualTo(200);
		for (int i = 0; i < 300; i += 37) {
			String key = AlertingTestSupport
				.key(LabelSet.of(Map.of("alertname", "Bulk", "host", this.host, "n", Integer.toString(i))));
			assertThat(this.reader.find(key)).as(key).isPresent();
		}
	}

	@Test
	void stoppedOrFullWriterAnswers503WithRetryAfter() {
		this.writer.stop();
		try {
			HttpResponse<String> response = post(alert("Refused", Instant.now().toString(), null));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		finally {
			this.writer.start();
		}
		assertThat(post(alert("Refused", Instant.now().toString(), null)).statusCode()).isEqualTo(200);
	}

	@Test
	void writerMetricsAreExported() {
		post(alert("Metered", Instant.now().toString(), null));
		String metrics = this.http.get("/actuator/prometheus").body();
		assertThat(metrics).contains("zgw_alerts_stored_total{source=\"alertmanager\"}")
			.contains("zgw_alert_writer_commit_seconds_count")
			.contains("zgw_alert_writer_batch_rows_count")
			.contains("zgw_alert_writer_queued");
	}

	@Test
	void bodyOverTheLimitIsRejectedWith413() {
		String big = "x".repeat(1024 * 1024);
		HttpResponse<String> response = post(
				"[{\"labels\":{\"alertname\":\"Big\"},\"annotations\":{\"a\":\"" + big + "\"}}]");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void chunkedBodyWithoutContentLengthIsStoredAndItsLimitHolds() {
		HttpResponse<String> accepted = this.http.postChunked("/api/v2/alerts", """
				[{"labels":{"alertname":"DiskFull","host":"%s","business_line":"shop"}}]
				""".formatted(this.host));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(stored("DiskFull").labels().get("host")).isEqualTo(this.host);

		String big = "x".repeat(1024 * 1024);
		HttpResponse<String> refused = this.http.postChunked("/api/v2/alerts",
				"[{\"labels\":{\"alertname\":\"Big\"},\"annotations\":{\"a\":\"" + big + "\"}}]");
		assertThat(refused.statusCode()).isEqualTo(413);
	}

	@Test
	void badAlertsAreRejectedNamingTheFieldWithItsIndex() {
		String ok = named("Ok");
		assertBad("[{\"labels\":", "body");
		assertBad("{\"labels\":{\"a\":\"b\"}}", "body");
		assertBad("[" + ok + ",{\"annotations\":{}}]", "alerts[1].labels");
		assertBad("[{\"labels\":{}}]", "alerts[0].labels");
		assertBad("[{\"labels\":{\"alertname\":\"\"}}]", "alerts[0].labels");
		assertBad("[" + ok + "," + ok + ",{\"labels\":{\"bad-name\":\"x\"}}]", "alerts[2].labels.bad-name");
		assertBad("[" + ok + ",{\"labels\":{\"host\":\"" + "h".repeat(2049) + "\"}}]", "alerts[1].labels.host");
		assertBad("[{\"labels\":{\"n\":5}}]", "alerts[0].labels.n");
		StringBuilder many = new StringBuilder("{");
		for (int i = 0; i < 65; i++) {
			many.append((i > 0) ? "," : "").append("\"l").append(i).append("\":\"v\"");
		}
		assertBad("[" + ok + ",{\"labels\":" + many + "}}]", "alerts[1].labels");
		assertBad("[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"yesterday\"}]", "alerts[0].startsAt");
		assertBad(
				"[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"2026-11-28T10:00:00Z\",\"endsAt\":\"2026-11-28T09:00:00Z\"}]",
				"alerts[0].endsAt");
		assertBad("[" + ok + "," + ok + "," + ok + ",{\"labels\":{\"host\":\"x\"},\"annotations\":{\"0x\":\"y\"}}]",
				"alerts[3].annotations.0x");
	}

	@Test
	void validAlertOfABatchIsStoredAndTheOneWithABadLabelNameNamed() {
		String detail = assertBad("""
				[{"labels":{"alertname":"Good","host":"%1$s"}},
				 {"labels":{"alertname":"Bad","host":"%1$s","bad-x":"1"}}]
				""".formatted(this.host), "alerts[1].labels.bad-x");
		assertThat(detail).startsWith("1 of 2 alerts invalid, not stored; 1 stored: ")
			.contains("alerts[1].labels.bad-x: 'bad-x' is not a valid label name");
		assertThat(firing()).containsExactly("Good");
	}

	@Test
	void validAlertOfABatchIsStoredAndTheOneWithALabelValueTooLongNamed() {
		String detail = assertBad("""
				[{"labels":{"alertname":"Good","host":"%1$s"}},
				 {"labels":{"alertname":"Long","host":"%1$s","summary":"%2$s"}}]
				""".formatted(this.host, "s".repeat(2049)), "alerts[1].labels.summary");
		assertThat(detail).contains("alerts[1].labels.summary is 2049 characters long");
		assertThat(firing()).containsExactly("Good");
	}

	@Test
	void batchOfInvalidAlertsStoresNothingAndNamesEachOne() {
		String detail = assertBad("""
				[{"labels":{"alertname":"BadName","host":"%1$s","bad-x":"1"}},
				 {"labels":{"alertname":"Backwards","host":"%1$s"},
				  "startsAt":"2026-11-28T10:00:00Z","endsAt":"2026-11-28T09:00:00Z"},
				 {"labels":{"alertname":"Long","host":"%1$s","summary":"%2$s"}}]
				""".formatted(this.host, "s".repeat(2049)), "alerts[0].labels.bad-x");
		assertThat(detail).startsWith("3 of 3 alerts invalid, not stored; 0 stored: ")
			.contains("alerts[0].labels.bad-x: ", "; alerts[1].endsAt is before its startsAt",
					"; alerts[2].labels.summary is 2049");
		assertThat(firing()).isEmpty();
	}

	@Test
	void batchWithAnAlertOfAnotherBusinessLineStoresTheKeysOwnValidAlerts() {
		AlertingTestSupport pay = new AlertingTestSupport(this.port, this.http.createKey("operator", "[\"pay\"]"));
		HttpResponse<String> refused = pay.post("/api/v2/alerts", """
				[{"labels":{"alertname":"BadName","host":"%1$s","business_line":"pay","bad-x":"1"}},
				 {"labels":{"alertname":"Mine","host":"%1$s","business_line":"pay"}},
				 {"labels":{"alertname":"Theirs","host":"%1$s","business_line":"shop"}}]
				""".formatted(this.host), Map.of());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(this.json.readTree(refused.body()).get("parameter").asString())
			.isEqualTo("alerts[2].labels.business_line");
		assertThat(firing()).containsExactly("Mine");
	}

	@Test
	void partlyInvalidBatchWithTheWriterStoppedAnswers503() {
		this.writer.stop();
		try {
			HttpResponse<String> response = post("[" + named("Good") + ",{\"labels\":{\"bad-x\":\"1\"}}]");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		}
		finally {
			this.writer.start();
		}
		assertThat(firing()).isEmpty();
	}

	// Returns the detail of the 400 problem.
	private String assertBad(String body, String field) {
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").asString()).as(body).isEqualTo(field);
		return problem.get("detail").asString();
	}

	// The alertnames of this test's firing alerts, as GET /api/v2/alerts lists them.
	private List<String> firing() {
		String filter = URLEncoder.encode("host=\"" + this.host + "\"", StandardCharsets.UTF_8);
		List<String> names = new ArrayList<>();
		this.http.getJson("/api/v2/alerts?filter=" + filter)
			.forEach((alert) -> names.add(alert.get("labels").get("alertname").asString()));
		return names;
	}

	private String named(String alertname) {
		return "{\"labels\":{\"alertname\":\"%s\",\"host\":\"%s\"}}".formatted(alertname, this.host);
	}

	private String alert(String name, String startsAt, String endsAt) {
		return "[{\"labels\":{\"alertname\":\"%s\",\"host\":\"%s\"},\"startsAt\":\"%s\"%s}]".formatted(name, this.host,
				startsAt, (endsAt != null) ? ",\"endsAt\":\"" + endsAt + "\"" : "");
	}

	// A row and its first history entry as another replica's writer leaves them, so that
	// this gateway's writer has never seen the alert.
	private String storedElsewhere(String alertname, Instant startsAt, Instant endsAt) {
		LabelSet labels = LabelSet.of(Map.of("alertname", alertname, "host", this.host));
		String key = AlertingTestSupport.key(labels);
		String now = UtcTimes.bind(Instant.now());
		this.dsl.execute(
				"INSERT INTO alert (alert_key, fingerprint, source, business_line, labels, annotations, "
						+ "generator_url, status, acknowledged, starts_at, ends_at, updated_at, written_by) "
						+ "VALUES (?, ?, 'alertmanager', '', ?, '{}', '', 'firing', false, ?, ?, ?, 'other-replica')",
				key, labels.fingerprintHex(), this.json.writeValueAsString(labels.asMap()), UtcTimes.bind(startsAt),
				UtcTimes.bind(endsAt), now);
		this.dsl.execute(
				"INSERT INTO alert_history (alert_key, fingerprint, change_kind, source, occurred_at, "
						+ "recorded_at) VALUES (?, ?, 'created', 'alertmanager', ?, ?)",
				key, labels.fingerprintHex(), now, now);
		return key;
	}

	private HttpResponse<String> post(String body) {
		return this.http.post("/api/v2/alerts", body, Map.of());
	}

	private StoredAlert stored(String alertname) {
		String key = AlertingTestSupport.key(LabelSet.of(Map.of("alertname", alertname, "host", this.host)));
		if (alertname.equals("DiskFull")) {
			key = AlertingTestSupport
				.key(LabelSet.of(Map.of("alertname", alertname, "host", this.host, "business_line", "shop")));
		}
		String found = key;
		return this.reader.find(key).orElseThrow(() -> new AssertionError("no alert " + found));
	}

}
