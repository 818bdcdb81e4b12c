package io.zgw.gateway.dashboards;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.alerting.PipelineTestSupport;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Receiver;
import io.zgw.gateway.notify.ReceiverNotifiers;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.query.LabShards;
import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.PrometheusProcess;
import io.zgw.gateway.testsupport.RepoFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DashboardQueriesTest runs the gateway against the lab's Zabbix shards, makes query,
 * ingestion and notification traffic, lets a real Prometheus scrape it, and runs every
 * query of every dashboard in {@code grafana/dashboards}: each must be valid PromQL and,
 * unless allow-listed below, find series.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.security.bootstrap-admin-key=" + DashboardQueriesTest.ADMIN_KEY,
				"zgw.notify.poll-interval=100ms" })
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesTest {

	static final String ADMIN_KEY = "dashboards-it-admin-key-0123456789";

	private static final List<LabShard> LAB = LabShards.load();

	/**
	 * Panel queries ("file / panel title / refId") whose series may be empty after this
	 * test's traffic, each with the reason. Everything else must find data.
	 */
	private static final Map<String, String> MAY_BE_EMPTY = Map.of("zgw-query.json / Error ratio by kind / A",
			"the lab shards are healthy, so no zgw_shard_errors_total series exists (ResilienceLabTest makes failures)",
			"zgw-alerting.json / Refused ingestion by status / A",
			"this test posts only valid alerts, all answered 2xx");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern METRIC = Pattern.compile("zgw_[a-z0-9_]+");

	@LocalServerPort
	private int port;

	@Autowired
	private ReceiverNotifiers notifiers;

	@Autowired
	private OutboxQueue outbox;

	private PrometheusProcess prometheus;

	// A receiver no route sends to, with a rate_limit: its counter exists at 0, as the
	// ZgwReceiverRateLimited rule needs; so does the escalation pages' counter of a route
	// no alert matches, and the coverage gauge of its schedule.
	private static final Path ROUTING = PipelineTestSupport.routingFile("""
			route:
			  receiver: nobody
			  routes:
			    - matchers: [team=none]
			      escalation: [{schedule: limited}]
			oncall_schedules:
			  - name: limited
			    rotations: [{members: [limited], start: '2026-01-05T09:00:00Z', shift: 1w}]
			receivers:
			  - name: nobody
			  - name: limited
			    rate_limit: {max: 10, per: 1h}
			    webhook_configs: [{url: 'http://127.0.0.1:9/unused'}]
			""");

	@DynamicPropertySource
	static void shards(DynamicPropertyRegistry registry) {
		LabShards.register(registry, LAB, Duration.ofSeconds(5));
		registry.add("zgw.alerting.routing-config-file", ROUTING::toString);
	}

	@BeforeAll
	void makeTrafficAndScrape() throws Exception {
		AlertingTestSupport gateway = new AlertingTestSupport(this.port, ADMIN_KEY);
		for (String path : List.of("/api/v1/hosts?limit=20", "/api/v1/problems?limit=20", "/api/v1/shards")) {
			HttpResponse<String> answer = gateway.get(path);
			assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
		}
		HttpResponse<String> posted = gateway.post("/api/v2/alerts", """
				[{"labels": {"alertname": "DashboardQueriesTest", "business_line": "%s", "severity": "info"},
				  "annotations": {"summary": "traffic for the dashboard query test"}}]""".formatted(LAB.get(0).name()),
				Map.of());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		deliverOneNotificationAndFailOne();
		System.gc(); // so the JVM has published a GC pause for the GC panel
		this.prometheus = PrometheusProcess.scraping(this.port);
		this.prometheus.awaitScrapes(3, Duration.ofSeconds(60));
	}

	@AfterAll
	void stopPrometheus() throws Exception {
		if (this.prometheus != null) {
			this.prometheus.close();
		}
	}

	@Test
	void everyPanelQueryIsValidPromqlAndFindsTheGatewaysSeries() throws Exception {
		List<String> problems = new ArrayList<>();
		List<PanelQuery> queries = panelQueries();
		assertThat(queries).extracting(PanelQuery::file).contains("zgw-query.json", "zgw-alerting.json");
		for (PanelQuery query : queries) {
			// All shards, and one shard as a user picks it: the shard label must exist.
			List<String> shards = query.expr().contains("shard") ? List.of(".*", LAB.get(0).name()) : List.of(".*");
			for (String shard : shards) {
				check(query, resolveVariables(query.expr(), shard), problems);
			}
		}
		assertThat(problems).as("dashboard queries against Prometheus scraping the gateway").isEmpty();
		assertThat(queries).extracting(PanelQuery::key)
			.as("every allow-listed query still exists")
			.containsAll(MAY_BE_EMPTY.keySet());
	}

	@Test
	void everyAlertRuleIsValidPromqlOverMetricsTheGatewayExports() throws Exception {
		List<String> problems = new ArrayList<>();
		for (JsonNode rule : PrometheusRulesTest.rules()) {
			String name = rule.path("alert").asString();
			String expr = rule.path("expr").asString();
			JsonNode answer = this.prometheus.query(expr);
			if (!"success".equals(answer.path("status").asString())) {
				problems.add(name + ": " + answer.path("error").asString() + " in " + expr);
			}
			// The rule's condition holds only in trouble; its metrics must exist now.
			Matcher metric = METRIC.matcher(expr);
			while (metric.find()) {
				String series = "{__name__=\"" + metric.group() + "\"}";
				if (this.prometheus.query(series).path("data").path("result").isEmpty()) {
					problems.add(name + ": the gateway exports no " + metric.group());
				}
			}
		}
		assertThat(problems).as("alert rules against Prometheus scraping the gateway").isEmpty();
	}

	@Test
	void shardVariableListsEveryLabShard() throws Exception {
		for (JsonNode dashboard : dashboards().values()) {
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if ("shard".equals(variable.path("name").asString())) {
					assertThat(variable.path("definition").asString())
						.isEqualTo("label_values(zgw_shard_calls_total, shard)");
				}
			}
		}
		JsonNode values = this.prometheus.labelValues("shard", "zgw_shard_calls_total");

		assertThat(values.path("data").valueStream().map(JsonNode::asString))
			.containsAll(LAB.stream().map(LabShard::name).toList());
	}

	@Test
	void everyPanelHasAUniqueTitleADescriptionAUnitAndTheDatasourceVariable() throws Exception {
		List<String> problems = new ArrayList<>();
		dashboards().forEach((file, dashboard) -> {
			assertThat(dashboard.path("schemaVersion").asInt()).as(file).isEqualTo(39);
			JsonNode datasource = dashboard.path("templating").path("list").path(0);
			assertThat(datasource.path("name").asString()).as(file).isEqualTo("datasource");
			assertThat(datasource.path("type").asString()).as(file).isEqualTo("datasource");
			assertThat(datasource.path("query").asString()).as(file).isEqualTo("prometheus");
			Set<String> titles = new HashSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				if ("row".equals(panel.path("type").asString())) {
					continue;
				}
				String title = file + " / " + panel.path("title").asString();
				if (!titles.add(title)) {
					problems.add(title + ": title used twice (allow-list keys and links need it unique)");
				}
				if (!"${datasource}".equals(panel.path("datasource").path("uid").asString())) {
					problems.add(title + ": datasource is not ${datasource}");
				}
				if (panel.path("fieldConfig").path("defaults").path("unit").asString("").isBlank()) {
					problems.add(title + ": no unit");
				}
				if (panel.path("description").asString("").isBlank()) {
					problems.add(title + ": no description for the on-call engineer");
				}
			}
		});
		assertThat(problems).isEmpty();
	}

	private void deliverOneNotificationAndFailOne() {
		try (RecordingReceiver receiver = new RecordingReceiver()) {
			this.notifiers.replace(List.of(new Receiver("dashboards", List.of(WebhookConfig.of(receiver.url("/hook"))),
					List.of(), List.of())));
			Integration webhook = this.notifiers.forReceiver("dashboards").get(0).integration();
			for (int status : new int[] { 200, 400 }) {
				receiver.answerWith(status);
				this.outbox.enqueue(new Delivery("dashboards", webhook, "{}:{alertname=\"Dashboards\"}", "{}"));
				await("notification answered " + status).atMost(Duration.ofSeconds(20))
					.until(() -> this.outbox.depth() == 0);
			}
		}
	}

	private void check(PanelQuery query, String promql, List<String> problems)
			throws IOException, InterruptedException {
		if (promql.contains("$")) {
			problems.add(query + ": unknown template variable in " + promql);
			return;
		}
		JsonNode answer = this.prometheus.query(promql);
		if (!"success".equals(answer.path("status").asString())) {
			problems.add(query + ": " + answer.path("error").asString() + " in " + promql);
		}
		else if (answer.path("data").path("result").isEmpty() && !MAY_BE_EMPTY.containsKey(query.key())) {
			problems.add(query + ": no series for " + promql);
		}
	}

	/** Grafana's variables as the test resolves them: one-minute windows. */
	private static String resolveVariables(String expr, String shard) {
		return expr.replace("${shard}", shard)
			.replace("$shard", shard)
			.replace("$__rate_interval", "1m")
			.replace("$__interval", "15s")
			.replace("$__range", "1h");
	}

	private static List<PanelQuery> panelQueries() throws IOException {
		List<PanelQuery> queries = new ArrayList<>();
		dashboards().forEach((file, dashboard) -> collect(file, dashboard.path("panels"), queries));
		return queries;
	}

	private static void collect(String file, JsonNode panels, List<PanelQuery> into) {
		for (JsonNode panel : panels) {
			collect(file, panel.path("panels"), into);
			for (JsonNode target : panel.path("targets")) {
				into.add(new PanelQuery(file, panel.path("title").asString(), target.path("refId").asString(),
						target.path("expr").asString()));
			}
		}
	}

	private static Map<String, JsonNode> dashboards() throws IOException {
		Path dir = RepoFiles.find("grafana/dashboards");
		Map<String, JsonNode> dashboards = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				dashboards.put(file.getFileName().toString(), JSON.readTree(Files.readString(file)));
			}
		}
		return dashboards;
	}

	/** PanelQuery is one target expression of one dashboard panel. */
	record PanelQuery(String file, String panel, String refId, String expr) {

		String key() {
			return this.file + " / " + this.panel + " / " + this.refId;
		}

		@Override
		public String toString() {
			return key();
		}

	}

}
