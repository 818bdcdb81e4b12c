package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.oncall.OnCallCoverage;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests reloading the routing file: {@code POST /-/reload} with a good file swaps the
 * receivers, a bad file is refused with 400 naming the bad element and the running
 * configuration stays, a changed file is picked up by the watcher, and reloads are
 * counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.alerting.dispatch.reload-poll=200ms", "zgw.alerting.dispatch.calendar-refresh=1s" })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class ReloadIntegrationTests {

	static final String FILE = """
			route:
			  receiver: %s
			receivers:
			  - name: %s
			""";

	static final Path ROUTING = PipelineTestSupport.routingFile(FILE.formatted("first", "first"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "reload", ROUTING);
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@AfterEach
	void restoreFile() throws Exception {
		Files.writeString(ROUTING, FILE.formatted("first", "first"));
		new AlertingTestSupport(this.port).post("/-/reload", "", Map.of());
	}

	@Test
	void reloadWithAGoodFileSwapsTheReceivers() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		// The watcher may pick the change up too, so reloads count at least once.
		double before = this.meters.counter("zgw.config.reloads", "outcome", "success").count();
		Files.writeString(ROUTING, FILE.formatted("second", "second"));
		assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
		assertThat(receivers(http)).isEqualTo("[{\"name\":\"second\"}]");
		assertThat(this.meters.counter("zgw.config.reloads", "outcome", "success").count())
			.isGreaterThanOrEqualTo(before + 1);
		assertThat(this.meters.get("zgw.config.last.reload.success").gauge().value()).isEqualTo(1.0);
	}

	@Test
	void aReloadRegistersTheCoverageGaugeOfEachScheduleAndRemovesThoseOfSchedulesGone() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		Files.writeString(ROUTING, FILE.formatted("first", "first") + """
				oncall_schedules:
				  - name: rota
				    rotations: [{members: [first], start: '2020-01-06T09:00:00Z', shift: 1w}]
				""");
		assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
		assertThat(this.meters.get(DispatchMetrics.ONCALL_NEXT_GAP)
			.tag(DispatchMetrics.TAG_SCHEDULE, "rota")
			.gauge()
			.value()).isEqualTo(OnCallCoverage.LOOKAHEAD.toSeconds());

		Files.writeString(ROUTING, FILE.formatted("first", "first"));
		assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
		assertThat(this.meters.find(DispatchMetrics.ONCALL_NEXT_GAP).gauges()).isEmpty();
	}

	@Test
	void reloadWithABadFileIsRefusedNamingTheElementAndKeepsTheRunningConfiguration() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		double before = this.meters.counter("zgw.config.reloads", "outcome", "failure").count();
		Files.writeString(ROUTING, FILE.formatted("nobody", "first"));
		HttpResponse<String> response = http.post("/-/reload", "", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").asString()).startsWith("route");
		assertThat(problem.get("detail").asString()).contains(ROUTING.toString()).contains("nobody");
		assertThat(receivers(http)).isEqualTo("[{\"name\":\"first\"}]");
		assertThat(this.meters.counter("zgw.config.reloads", "outcome", "failure").count())
			.isGreaterThanOrEqualTo(before + 1);
		assertThat(this.meters.get("zgw.config.last.reload.success").gauge().value()).isEqualTo(0.0);
	}

	@Test
	void reloadRefusedForAnIntegrationZgwCannotDeliverNamesItsPath() throws Exception {
		// The loader takes an https proxy, as Alertmanager does; building the webhook
		// sender refuses it.
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		Files.writeString(ROUTING, FILE.formatted("first", "first") + """
				  - name: second
				    webhook_configs:
				      - url: http://127.0.0.1:9/hook
				        http_config: {proxy_url: 'https://proxy.example:3128'}
				""");
		HttpResponse<String> response = http.post("/-/reload", "", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").asString()).isEqualTo("receivers[1].webhook_configs[0]");
		assertThat(problem.get("detail").asString()).contains("receiver \"second\"").contains("http:// proxy");
		assertThat(receivers(http)).isEqualTo("[{\"name\":\"first\"}]");
		Files.writeString(ROUTING, "route: [unclosed");
		JsonNode notYaml = this.json.readTree(http.post("/-/reload", "", Map.of()).body());
		assertThat(notYaml.get("parameter").asString()).isEqualTo("file");
		assertThat(notYaml.get("detail").asString()).contains("invalid YAML");
	}

	@Test
	void reloadNeedsTheAdminRole() {
		AlertingTestSupport anonymous = new AlertingTestSupport(this.port, "no-such-key");
		assertThat(anonymous.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(401);
	}

	@Test
	void aChangedFileIsReloadedWithoutARequest() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		Files.writeString(ROUTING, FILE.formatted("watched", "watched"));
		// Bounded poll: the watcher reads the file on its own thread every 200 ms.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!receivers(http).contains("watched") && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(receivers(http)).isEqualTo("[{\"name\":\"watched\"}]");
	}

	@Test
	void aChangedFileTheConfigurationReadsIsReloadedWithoutARequest(@TempDir Path dir) throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		Path token = Files.writeString(dir.resolve("token"), "first-token\n");
		Files.writeString(ROUTING, """
				route:
				  receiver: with-token
				receivers:
				  - name: with-token
				    webhook_configs:
				      - url: http://127.0.0.1:9/hook
				        http_config: {bearer_token_file: %s}
				""".formatted(token));
		assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
		Counter reloads = this.meters.counter("zgw.config.reloads", "outcome", "success");
		// Let the watcher settle on the new file before counting.
		Thread.sleep(600);
		double before = reloads.count();
		// A rotated secret (or certificate), the routing file untouched.
		Files.writeString(token, "second-token\n");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (reloads.count() == before && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(reloads.count()).isEqualTo(before + 1);
	}

	@Test
	void aCalendarFetchedByUrlIsFetchedAgainAndAChangeReloaded() throws Exception {
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		try (RecordingReceiver calendar = new RecordingReceiver()) {
			calendar.answerWith(200, "text/calendar", onCallAllYear("first"));
			Files.writeString(ROUTING, """
					route:
					  receiver: first
					receivers: [{name: first}, {name: second}]
					oncall_schedules:
					  - name: rota
					    rotations: [{calendar_url: '%s'}]
					""".formatted(calendar.url("/private-s3cr3t/basic.ics")));
			assertThat(http.post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
			assertThat(onCall(http)).isEqualTo("first");

			calendar.answerWith(200, "text/calendar", onCallAllYear("second"));
			// Bounded poll: fetched again after calendar-refresh (1 s), then reloaded.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!onCall(http).equals("second") && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(onCall(http)).isEqualTo("second");

			// The service fails: the last copy stays in use, and the failure is counted.
			double failures = this.meters.counter("zgw.oncall.calendar.fetches", "outcome", "failure").count();
			calendar.answerWith(500);
			Thread.sleep(2500);
			assertThat(onCall(http)).isEqualTo("second");
			assertThat(this.meters.counter("zgw.oncall.calendar.fetches", "outcome", "failure").count())
				.isGreaterThan(failures);
		}
	}

	// A calendar with one event, the given receiver on call for all of 2026.
	private static String onCallAllYear(String receiver) {
		return "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:" + receiver
				+ "\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20270101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	}

	private static String onCall(AlertingTestSupport http) {
		return http.getJson("/api/v1/oncall?at=2026-06-01T12:00:00Z").get("schedules").get(0).get("onCall").asString();
	}

	private static String receivers(AlertingTestSupport http) {
		return http.get("/api/v2/receivers").body();
	}

}
