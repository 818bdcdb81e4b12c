package io.zgw.gateway.alerting.dispatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.alerting.PipelineTestSupport;
import io.zgw.gateway.alerting.expiry.SilenceExpiryNotices;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests recurring silences (zgw's {@code zgwSchedule}) over real HTTP and the real
 * MariaDB, with the whole gateway on a manual clock: the API stores, shows and validates
 * schedules, and the gateway's own dispatcher, stepped by the test, mutes an alert only
 * inside its weekly window (read in the window's time zone) while notifying it outside,
 * with named windows following reloads of the routing file. On the same clock, the other
 * zgw extensions that wait for time to pass: a resolution held through a time mute (and a
 * rebuild), and {@code resolve_delay} damping a flapping alert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.alerting.dispatch.enabled=false", "zgw.alerting.dispatch.reload-poll=0s",
				"zgw.alerting.dispatch.holder-id=recurring-silence-tests", "zgw.notify.enabled=true",
				"zgw.notify.poll-interval=1h", "zgw.alerting.silence-expiry.notice=1h",
				"zgw.alerting.silence-expiry.check=5m" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class RecurringSilenceIntegrationTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final RecordingReceiver RECEIVER = new RecordingReceiver();

	static final String ROUTING_TEXT = """
			route:
			  receiver: hook
			  group_by: [run]
			  group_wait: 1s
			  group_interval: 1m
			  repeat_interval: 24h
			  routes:
			    - matchers: [quiet=nights]
			      receiver: hook
			      mute_time_intervals: [quiet-hours]
			    - matchers: [flaps=yes]
			      receiver: hook
			      resolve_delay: 10m
			receivers:
			  - name: hook
			    webhook_configs: [{url: '%s'}]
			time_intervals:
			  - name: other
			    time_intervals: [{months: [january]}]
			  - name: quiet-hours
			    time_intervals:
			      - weekdays: [wednesday]
			        times: [{start_time: '00:00', end_time: '06:00'}]
			        location: Europe/Berlin
			""".formatted(RECEIVER.url("/hook"));

	/** A named window on one weekday, 09:00 to 17:00 in Berlin. */
	static final String MAINTENANCE = """
			  - name: %s
			    time_intervals:
			      - weekdays: [%s]
			        times: [{start_time: '09:00', end_time: '17:00'}]
			        location: Europe/Berlin
			""";

	/** The label of the route muted from 00:00 to 06:00 on Wednesdays, as JSON. */
	static final String MUTED_AT_NIGHT = "\"quiet\": \"nights\"";

	/** The label of the route with a 10 min resolve_delay, as JSON. */
	static final String FLAPS = "\"flaps\": \"yes\"";

	static final Path ROUTING = PipelineTestSupport
		.routingFile(ROUTING_TEXT + MAINTENANCE.formatted("maintenance", "saturday"));

	/** Saturdays 09:00 to 17:00 in Berlin, inline. */
	static final String SATURDAY_WINDOW = """
			{"timeIntervals": [{"weekdays": ["saturday"], "times": [{"start_time": "09:00", "end_time": "17:00"}],
			                    "location": "Europe/Berlin"}]}
			""";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "recurring", ROUTING);
	}

	@AfterAll
	static void closeReceiver() {
		RECEIVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ManualClock clock;

	@Autowired
	DispatchService dispatch;

	@Autowired
	SilenceExpiryNotices expiry;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	@Autowired
	DSLContext dsl;

	AlertingTestSupport http;

	String run;

	@BeforeEach
	void setUp() {
		this.http = new AlertingTestSupport(this.port);
		this.run = UUID.randomUUID().toString();
	}

	@AfterEach
	void restoreRoutingFile() throws Exception {
		reload(MAINTENANCE.formatted("maintenance", "saturday"));
	}

	@Test
	void anUpdateWithoutTheScheduleKeepsItAndAnExplicitNullRemovesIt() {
		// amtool's "silence update" sends back only the fields Alertmanager knows.
		String sundays = SATURDAY_WINDOW.replace("saturday", "sunday");
		String id = this.http.createSilence(silence("kept", sundays));
		Instant now = this.clock.instant();
		String updated = this.http.createSilence(plainSilence(id, "kept", now, now.plus(Duration.ofDays(40))));
		assertThat(updated).as("same schedule and matchers: updated in place").isEqualTo(id);
		JsonNode kept = this.http.getJson("/api/v2/silence/" + id);
		assertThat(kept.get("zgwSchedule")).isEqualTo(this.json.readTree(sundays));
		assertThat(kept.get("endsAt").asString()).startsWith(now.plus(Duration.ofDays(40)).toString().substring(0, 16));
		String removed = this.http.createSilence(silence(id, "kept", now, now.plus(Duration.ofDays(40)), "null"));
		assertThat(removed).isNotEqualTo(id);
		assertThat(this.http.getJson("/api/v2/silence/" + removed).has("zgwSchedule")).isFalse();
	}

	@Test
	void recurringSilencesRoundTripThroughTheApi() {
		advanceTo(DayOfWeek.SATURDAY, LocalTime.of(11, 0));
		String sundays = SATURDAY_WINDOW.replace("saturday", "sunday");
		String inline = this.http.createSilence(silence("inline", sundays));
		String named = this.http.createSilence(silence("named", "{\"timeInterval\": \"maintenance\"}"));
		String plain = this.http.createSilence(silence("plain", null));

		JsonNode inlineJson = this.http.getJson("/api/v2/silence/" + inline);
		assertThat(inlineJson.get("zgwSchedule")).isEqualTo(this.json.readTree(sundays));
		assertThat(inlineJson.get("status").get("state").asString()).isEqualTo("active");
		assertThat(inlineJson.get("zgwMutingNow").asBoolean()).as("Saturday, window on Sundays").isFalse();
		assertThat(inlineJson.get("matchers")).hasSize(2);
		assertThat(inlineJson.get("createdBy").asString()).isEqualTo("tester");
		JsonNode namedJson = this.http.getJson("/api/v2/silence/" + named);
		assertThat(namedJson.get("zgwSchedule").get("timeInterval").asString()).isEqualTo("maintenance");
		assertThat(namedJson.get("zgwMutingNow").asBoolean()).as("Saturday 11:00 in Berlin").isTrue();
		JsonNode plainJson = this.http.getJson("/api/v2/silence/" + plain);
		assertThat(plainJson.has("zgwSchedule")).isFalse();
		assertThat(plainJson.get("zgwMutingNow").asBoolean()).isTrue();

		JsonNode listed = this.http.getJson("/api/v2/silences?filter=run%3D%22" + this.run + "%22");
		assertThat(listed).hasSize(3);
		assertThat(listed.valueStream().filter((s) -> s.has("zgwSchedule")).map((s) -> s.get("id").asString()))
			.containsExactlyInAnyOrder(inline, named);

		// Another schedule under the same id replaces the silence, as changed matchers
		// do.
		String replaced = this.http
			.createSilence(silence("named", SATURDAY_WINDOW).replaceFirst("\\{", "{\"id\": \"" + named + "\", "));
		assertThat(replaced).isNotEqualTo(named);
		assertThat(this.http.getJson("/api/v2/silence/" + named).get("status").get("state").asString())
			.isEqualTo("expired");
		assertThat(this.http.getJson("/api/v2/silence/" + replaced).get("zgwSchedule").has("timeIntervals")).isTrue();

		assertThat(this.http.delete("/api/v2/silence/" + replaced).statusCode()).isEqualTo(200);
		JsonNode expired = this.http.getJson("/api/v2/silence/" + replaced);
		assertThat(expired.get("status").get("state").asString()).isEqualTo("expired");
		assertThat(expired.get("zgwMutingNow").asBoolean()).isFalse();
		assertThat(expired.get("zgwSchedule")).isEqualTo(this.json.readTree(SATURDAY_WINDOW));
	}

	@Test
	void invalidSchedulesAreRejectedNamingTheField() {
		rejectSchedule("{\"timeIntervals\": [{\"weekdays\": [\"saturday\", \"caturday\"]}]}",
				"zgwSchedule.timeIntervals[0].weekdays[1]");
		rejectSchedule("{\"timeIntervals\": [{}, {\"times\": [{\"start_time\": \"17:00\", \"end_time\": \"09:00\"}]}]}",
				"zgwSchedule.timeIntervals[1].times[0].start_time");
		rejectSchedule("{\"timeIntervals\": [{\"location\": \"Mars/Olympus\"}]}",
				"zgwSchedule.timeIntervals[0].location");
		rejectSchedule("{\"timeIntervals\": [{\"weekday\": [\"monday\"]}]}", "zgwSchedule.timeIntervals[0].weekday");
		rejectSchedule("{\"timeIntervals\": []}", "zgwSchedule.timeIntervals");
		rejectSchedule("{\"weekdays\": [\"monday\"]}", "zgwSchedule.weekdays");
		rejectSchedule("{\"timeInterval\": \"maintenance\", \"timeIntervals\": [{}]}", "zgwSchedule");
		rejectSchedule("\"maintenance\"", "zgwSchedule");
		JsonNode unknown = rejectSchedule("{\"timeInterval\": \"night-shift\"}", "zgwSchedule.timeInterval");
		assertThat(unknown.get("detail").asString()).contains("unknown time interval \"night-shift\"");
		assertThat(this.http.getJson("/api/v2/silences?filter=run%3D%22" + this.run + "%22")).isEmpty();
	}

	@Test
	void weeklyWindowMutesInsideAndNotifiesOutsideReadInItsTimeZone() throws Exception {
		advanceTo(DayOfWeek.SATURDAY, LocalTime.of(11, 0));
		String silence = this.http.createSilence(silence("muted", SATURDAY_WINDOW));
		postAlerts();

		flushAfterGroupWait();
		assertThat(hostsNotified(1)).containsExactly("loud");
		assertThat(silencedBy("muted")).containsExactly(silence);
		assertThat(silencedBy("loud")).isEmpty();
		assertThat(this.http.getJson("/api/v2/silence/" + silence).get("zgwMutingNow").asBoolean()).isTrue();

		// 17:30 in Berlin is 16:30 UTC: outside the window there, inside it read in UTC.
		advanceTo(DayOfWeek.SATURDAY, LocalTime.of(17, 30));
		stepUntilNothingIsDue();
		assertThat(hostsNotified(2)).containsExactly("loud", "muted");
		assertThat(silencedBy("muted")).isEmpty();
		JsonNode outside = this.http.getJson("/api/v2/silence/" + silence);
		assertThat(outside.get("status").get("state").asString()).isEqualTo("active");
		assertThat(outside.get("zgwMutingNow").asBoolean()).isFalse();

		advanceTo(DayOfWeek.SATURDAY, LocalTime.of(9, 0));
		assertThat(silencedBy("muted")).as("inside again a week later").containsExactly(silence);
	}

	@Test
	void namedWindowFollowsReloadsAndMutesNothingOnceItIsGone() throws Exception {
		// A name of this run's own: silences of earlier runs on the same database name
		// other windows, so the gauge moves by this run's silence alone.
		String window = "maintenance-" + this.run;
		reload(MAINTENANCE.formatted(window, "saturday"));
		advanceTo(DayOfWeek.SATURDAY, LocalTime.of(11, 0));
		String schedule = "{\"timeInterval\": \"" + window + "\"}";
		String silence = this.http.createSilence(silence("muted", schedule));
		postAlerts();
		flushAfterGroupWait();
		assertThat(hostsNotified(1)).containsExactly("loud");
		assertThat(silencedBy("muted")).containsExactly(silence);

		reload(MAINTENANCE.formatted(window, "sunday"));
		assertThat(silencedBy("muted")).isEmpty();
		// The reload rebuilt the groups; alerts older than group_wait flush at once.
		stepUntilNothingIsDue();
		assertThat(hostsNotified(2)).containsExactly("loud", "muted");

		reload(MAINTENANCE.formatted(window, "saturday"));
		assertThat(silencedBy("muted")).containsExactly(silence);
		stepUntilNothingIsDue();
		double unresolvedBefore = unresolvedGauge();

		reload("");
		stepUntilNothingIsDue();
		assertThat(silencedBy("muted")).isEmpty();
		JsonNode gone = this.http.getJson("/api/v2/silence/" + silence);
		assertThat(gone.get("status").get("state").asString()).isEqualTo("active");
		assertThat(gone.get("zgwMutingNow").asBoolean()).isFalse();
		assertThat(unresolvedGauge()).isEqualTo(unresolvedBefore + 1);
		rejectSchedule(schedule, "zgwSchedule.timeInterval");
	}

	@Test
	void alertResolvedWhileMutedByTimeIsSentResolvedWhenTheMuteEndsEvenAfterARebuild() throws Exception {
		Instant started = fireAndNotify(DayOfWeek.TUESDAY, LocalTime.of(23, 0), "NightlyBatch", MUTED_AT_NIGHT);

		// Resolved at 01:00, inside the mute: held, not sent.
		advanceTo(DayOfWeek.WEDNESDAY, LocalTime.of(1, 0));
		postRunAlert("NightlyBatch", MUTED_AT_NIGHT, started, this.clock.instant());
		stepUntilNothingIsDue();
		// At 03:00, longer ago than the resolved look-back (1 h), a reload rebuilds the
		// groups from the store: the alert comes back because the notification log
		// still lists it as notified firing.
		this.clock.advance(Duration.ofHours(2));
		reload(MAINTENANCE.formatted("maintenance", "saturday"));
		stepUntilNothingIsDue();
		assertStillNotifiedOnce("nothing sent while muted");

		advanceTo(DayOfWeek.WEDNESDAY, LocalTime.of(6, 30));
		stepUntilNothingIsDue();
		JsonNode resolved = notified(2);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("alerts")).singleElement()
			.satisfies(
					(alert) -> assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("NightlyBatch"));
	}

	@Test
	void resolveDelayTurnsAFlappingAlertIntoOneFiringAndOneResolvedNotification() throws Exception {
		Instant first = fireAndNotify(DayOfWeek.THURSDAY, LocalTime.of(12, 0), "DiskLatency", FLAPS);
		// Resolved, firing again five minutes later, resolved again: every step of it
		// inside the 10 min resolve_delay of the one before.
		this.clock.advance(Duration.ofMinutes(1));
		postRunAlert("DiskLatency", FLAPS, first, this.clock.instant());
		stepUntilNothingIsDue();
		this.clock.advance(Duration.ofMinutes(5));
		Instant second = this.clock.instant();
		postRunAlert("DiskLatency", FLAPS, second, second.plus(Duration.ofDays(30)));
		stepUntilNothingIsDue();
		this.clock.advance(Duration.ofMinutes(5));
		postRunAlert("DiskLatency", FLAPS, second, this.clock.instant());
		stepUntilNothingIsDue();
		this.clock.advance(Duration.ofMinutes(5));
		stepUntilNothingIsDue();
		assertStillNotifiedOnce("nothing sent while it flaps");

		this.clock.advance(Duration.ofMinutes(6));
		stepUntilNothingIsDue();
		assertThat(notified(2).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aSilenceAboutToEndThatMutesFiringAlertsGetsANoticeThatResolvesOnceItIsExtended() throws Exception {
		Instant start = this.clock.instant();
		String ending = this.http.createSilence(plainSilence(null, "muted", start, start.plus(Duration.ofHours(3))));
		String idle = this.http.createSilence(plainSilence(null, "nobody", start, start.plus(Duration.ofHours(3))));
		String brief = this.http.createSilence(plainSilence(null, "muted", start, start.plus(Duration.ofMinutes(30))));
		postAlerts();
		flushAfterGroupWait();
		assertThat(hostsNotified(1)).containsExactly("loud");

		// The brief one ends within the hour's notice, but it never lasted longer.
		this.clock.advance(Duration.ofMinutes(10));
		this.expiry.checkNow();
		assertThat(notices(ending)).isEmpty();
		assertThat(notices(brief)).isEmpty();

		this.clock.advance(Duration.ofMinutes(140));
		this.expiry.checkNow();
		assertThat(notices(idle)).as("a silence that mutes nothing").isEmpty();
		JsonNode notice = notices(ending).get(0);
		assertThat(notice.get("labels").get("created_by").asString()).isEqualTo("tester");
		assertThat(notice.get("annotations").get("silenced_alerts").asString()).isEqualTo("1");
		assertThat(notice.get("annotations").get("matchers").asString()).contains("host=\"muted\"");
		flushAfterGroupWait();
		assertThat(noticeNotified(ending, 1).get("status").asString()).isEqualTo("firing");

		// Extended: no longer posted, the notice resolves within three checks (5 min).
		String extended = this.http
			.createSilence(plainSilence(ending, "muted", start, start.plus(Duration.ofHours(10))));
		assertThat(extended).isEqualTo(ending);
		this.clock.advance(Duration.ofMinutes(5));
		this.expiry.checkNow();
		assertThat(notices(ending)).hasSize(1);
		this.clock.advance(Duration.ofMinutes(11));
		this.expiry.checkNow();
		assertThat(notices(ending)).isEmpty();
		stepUntilNothingIsDue();
		assertThat(noticeNotified(ending, 2).get("status").asString()).isEqualTo("resolved");
	}

	// Advances to the day and time, fires this run's alert on the route its label
	// selects, and checks that it was notified as firing; returns when it started.
	private Instant fireAndNotify(DayOfWeek day, LocalTime time, String alertname, String routeLabel)
			throws InterruptedException {
		advanceTo(day, time);
		Instant started = this.clock.instant();
		postRunAlert(alertname, routeLabel, started, started.plus(Duration.ofDays(30)));
		flushAfterGroupWait();
		assertThat(notified(1).get("status").asString()).isEqualTo("firing");
		return started;
	}

	// Posts this run's alert with the label (as JSON) that selects its route.
	private void postRunAlert(String alertname, String routeLabel, Instant startsAt, Instant endsAt) {
		assertThat(this.http.post("/api/v2/alerts", """
				[{"labels": {"alertname": "%s", "run": "%s", %s}, "startsAt": "%s", "endsAt": "%s"}]
				""".formatted(alertname, this.run, routeLabel, startsAt, endsAt), Map.of()).statusCode())
			.isEqualTo(200);
	}

	// Waits a little for a second notification of this run and checks none came.
	private void assertStillNotifiedOnce(String why) throws InterruptedException {
		assertThat(RECEIVER.awaitMatching(2, (r) -> r.body().contains(this.run), Duration.ofSeconds(2))).as(why)
			.hasSize(1);
	}

	// This run's silence on one host for 30 days from now, recurring on the schedule if
	// one is given.
	private String silence(String host, String schedule) {
		Instant now = this.clock.instant();
		return silence(null, host, now, now.plus(Duration.ofDays(30)), schedule);
	}

	// A plain silence of this run's alerts on one host, from startsAt until endsAt;
	// with an id, an update of that silence.
	private String plainSilence(String id, String host, Instant startsAt, Instant endsAt) {
		return silence(id, host, startsAt, endsAt, null);
	}

	private String silence(String id, String host, Instant startsAt, Instant endsAt, String schedule) {
		return """
				{%s"matchers": [{"name": "run", "value": "%s", "isRegex": false, "isEqual": true},
				              {"name": "host", "value": "%s", "isRegex": false, "isEqual": true}],
				 "startsAt": "%s", "endsAt": "%s", "createdBy": "tester", "comment": "weekly maintenance"%s}
				""".formatted((id != null) ? "\"id\": \"" + id + "\", " : "", this.run, host, startsAt, endsAt,
				(schedule != null) ? ", \"zgwSchedule\": " + schedule : "");
	}

	// The notice of one silence in the count-th notification that lists it. Notices
	// carry no run label: those of earlier runs on the same database share the group.
	private JsonNode noticeNotified(String silenceId, int count) throws InterruptedException {
		List<RecordingReceiver.Received> got = RECEIVER.awaitMatching(count, (r) -> r.body().contains(silenceId),
				Duration.ofSeconds(10));
		assertThat(got).as("notifications listing the notice of %s", silenceId).hasSize(count);
		return this.json.readTree(got.get(count - 1).body())
			.get("alerts")
			.valueStream()
			.filter((alert) -> alert.get("labels").get("silence_id").asString().equals(silenceId))
			.findFirst()
			.orElseThrow();
	}

	// The firing expiry notices of one silence.
	private JsonNode notices(String silenceId) {
		return this.http.getJson("/api/v2/alerts?filter=alertname%3D%22" + SilenceExpiryNotices.ALERTNAME
				+ "%22&filter=silence_id%3D%22" + silenceId + "%22");
	}

	private JsonNode rejectSchedule(String schedule, String field) {
		return this.http.rejectSilence(silence("muted", schedule), field);
	}

	// Both alerts fire for a month, so only silences decide what is notified.
	private void postAlerts() {
		// Started now on the test's clock: without startsAt an alert starts at its
		// endsAt.
		String times = "\"startsAt\": \"%s\", \"endsAt\": \"%s\"".formatted(this.clock.instant(),
				this.clock.instant().plus(Duration.ofDays(30)));
		assertThat(this.http.post("/api/v2/alerts", """
				[{"labels": {"alertname": "Recurring", "run": "%s", "host": "muted"}, %s},
				 {"labels": {"alertname": "Recurring", "run": "%s", "host": "loud"}, %s}]
				""".formatted(this.run, times, this.run, times), Map.of()).statusCode()).isEqualTo(200);
	}

	// The first step takes the lease (rebuilding from the store) or receives the posted
	// alerts; the group is due group_wait later.
	private void flushAfterGroupWait() {
		this.dispatch.step();
		this.clock.advance(Duration.ofSeconds(2));
		stepUntilNothingIsDue();
	}

	// A step flushes at most flush-max-groups due groups, and the database keeps the
	// groups of earlier runs (their alerts fire for a month on this clock): step as the
	// dispatch loop does, until none is due.
	private void stepUntilNothingIsDue() {
		for (int steps = 0; this.dispatch.step().isZero(); steps++) {
			assertThat(steps).as("steps with groups still due").isLessThan(1000);
		}
	}

	// Moves the clock forward to the next such weekday and time in Berlin.
	private void advanceTo(DayOfWeek day, LocalTime time) {
		ZonedDateTime now = this.clock.instant().atZone(BERLIN);
		ZonedDateTime next = now.with(TemporalAdjusters.nextOrSame(day)).with(time);
		if (!next.isAfter(now)) {
			next = next.plusWeeks(1);
		}
		this.clock.advance(Duration.between(now, next));
	}

	// The count-th notification of this run, once every delivery of the run is recorded:
	// the tests move the clock by hours, and a delivery still leased when the clock
	// passes its lease's end would be claimed and sent again.
	private JsonNode notified(int count) throws InterruptedException {
		List<RecordingReceiver.Received> got = RECEIVER.awaitMatching(count, (r) -> r.body().contains(this.run),
				Duration.ofSeconds(10));
		assertThat(got).as("notifications of run %s", this.run).hasSize(count);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dsl.fetchCount(this.dsl.selectFrom("outbox")
				.where("delivered_at IS NULL AND failed_at IS NULL AND payload LIKE ?", "%" + this.run + "%")) == 0);
		return this.json.readTree(got.get(count - 1).body());
	}

	// Hosts of the count-th notification of this run, sorted.
	private List<String> hostsNotified(int count) throws InterruptedException {
		return notified(count).get("alerts")
			.valueStream()
			.map((alert) -> alert.get("labels").get("host").asString())
			.sorted()
			.toList();
	}

	private List<String> silencedBy(String host) {
		JsonNode alerts = this.http
			.getJson("/api/v2/alerts?filter=run%3D%22" + this.run + "%22&filter=host%3D%22" + host + "%22");
		assertThat(alerts).hasSize(1);
		return alerts.get(0).get("status").get("silencedBy").valueStream().map(JsonNode::asString).toList();
	}

	private void reload(String maintenance) throws Exception {
		Files.writeString(ROUTING, ROUTING_TEXT + maintenance);
		assertThat(this.http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
	}

	private double unresolvedGauge() {
		return this.meters.get(DispatchMetrics.UNRESOLVED_SILENCE_SCHEDULES).gauge().value();
	}

	/** Puts the whole gateway on a clock the tests move. */
	@TestConfiguration
	static class Clocks {

		@Bean
		ManualClock clock() {
			return ManualClock.atSomeMoment();
		}

	}

}
