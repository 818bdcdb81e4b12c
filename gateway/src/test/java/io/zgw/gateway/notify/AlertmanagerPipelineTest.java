package io.zgw.gateway.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.dispatch.Dispatcher;
import io.zgw.alerts.dispatch.InMemoryNotificationLog;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silences;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.outbox.InMemoryOutboxQueue;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.JiraStandIn;
import io.zgw.gateway.testsupport.RecordingReceiver;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs alert-scripts' dispatcher through the {@link OutboxNotifier}, the outbox and the
 * delivery worker to real webhook, Slack and SMTP receivers.
 */
class AlertmanagerPipelineTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ManualClock clock = ManualClock.atSomeMoment();

	private final InMemoryOutboxQueue outbox = new InMemoryOutboxQueue(clock);

	private final RecordingReceiver hook = new RecordingReceiver();

	private final RecordingReceiver slack = new RecordingReceiver();

	private final ExecutorService sendPool = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		hook.close();
		slack.close();
		sendPool.shutdownNow();
	}

	private String yaml() {
		return """
				route:
				  receiver: team
				  group_by: [alertname]
				  group_wait: 30s
				  group_interval: 1m
				receivers:
				  - name: team
				    webhook_configs:
				      - url: %s
				        http_config:
				          authorization:
				            credentials: hook-token
				    slack_configs:
				      - api_url: %s
				        channel: '#pay'
				        http_config:
				          basic_auth: {username: zgw, password: slack-pa55}
				    email_configs:
				      - to: oncall@zgw.test
				        from: alerts@zgw.test
				        smarthost: 127.0.0.1:%d
				        hello: gw.zgw.example
				        require_tls: false
				        headers:
				          X-Business-Line: '{{ .CommonLabels.business_line }}'
				""".formatted(hook.url("/am"), slack.url("/services/T/B/X"), smtp.getSmtp().getPort());
	}

	@Test
	void firingThenResolvedAlertReachesEveryReceiverAsAlertmanagerWouldSendIt() throws Exception {
		Pipeline pipeline = new Pipeline(ConfigLoader.load(yaml()));
		Dispatcher dispatcher = pipeline.dispatcher;
		OutboxNotifier notifier = pipeline.notifier;
		DeliveryWorker worker = pipeline.worker;
		slack.answerWith(200, "text/plain", "ok");

		Instant start = clock.instant();
		Alert firing = new Alert(
				LabelSet.of(Map.of("alertname", "DiskFull", "business_line", "pay", "instance", "db-1")),
				Map.of("summary", "disk full"), start, null, "http://zabbix/pay", start);
		dispatcher.receive(firing, start);
		clock.advance(Duration.ofSeconds(30));
		assertThat(dispatcher.tick(clock.instant(), notifier)).hasSize(3);
		worker.runUntilIdle();

		JsonNode webhook = JSON.readTree(hook.received().get(0).body());
		assertThat(hook.received().get(0).authorization()).isEqualTo("Bearer hook-token");
		assertThat(webhook.path("version").asString()).isEqualTo("4");
		assertThat(webhook.path("status").asString()).isEqualTo("firing");
		assertThat(webhook.path("groupKey").asString()).isEqualTo("{}:{alertname=\"DiskFull\"}");
		assertThat(webhook.path("externalURL").asString()).isEqualTo("https://zgw.example");
		assertThat(webhook.path("alerts").get(0).path("labels").path("instance").asString()).isEqualTo("db-1");
		JsonNode message = JSON.readTree(slack.received().get(0).body());
		assertThat(slack.received().get(0).authorization()).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString("zgw:slack-pa55".getBytes(StandardCharsets.UTF_8)));
		assertThat(message.path("channel").asString()).isEqualTo("#pay");
		assertThat(message.path("attachments").get(0).path("color").asString()).isEqualTo("danger");
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).contains("FIRING:1").contains("DiskFull");
		assertThat(mail.getHeader("X-Business-Line")).containsExactly("pay");
		assertThat(mail.getHeader("Received"))
			.anySatisfy((received) -> assertThat(received).contains("gw.zgw.example"));
		assertThat(GreenMailUtil.getBody(mail)).contains("db-1");

		Instant end = clock.instant();
		dispatcher.receive(new Alert(firing.labels(), firing.annotations(), start, end, firing.generatorUrl(), end),
				end);
		clock.advance(Duration.ofMinutes(1));
		// send_resolved defaults: true for webhooks, false for Slack and email.
		assertThat(dispatcher.tick(clock.instant(), notifier)).hasSize(1);
		worker.runUntilIdle();

		assertThat(hook.received()).hasSize(2);
		assertThat(JSON.readTree(hook.received().get(1).body()).path("status").asString()).isEqualTo("resolved");
		assertThat(slack.received()).hasSize(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(outbox.depth()).isZero();
	}

	@Test
	void globalSectionGivesReceiversThatSetNothingTheirSmtpSlackUrlAndHttpAuth() throws Exception {
		Pipeline pipeline = new Pipeline(ConfigLoader.load("""
				global:
				  smtp_smarthost: 127.0.0.1:%d
				  smtp_from: global@zgw.test
				  smtp_hello: global.zgw.example
				  smtp_require_tls: false
				  slack_api_url: %s
				  http_config:
				    basic_auth: {username: zgw, password: g10bal}
				route:
				  receiver: team
				  group_wait: 30s
				receivers:
				  - name: team
				    webhook_configs:
				      - url: %s
				    slack_configs:
				      - channel: '#pay'
				    email_configs:
				      - to: oncall@zgw.test
				""".formatted(smtp.getSmtp().getPort(), slack.url("/services/T/B/X"), hook.url("/am"))));
		slack.answerWith(200, "text/plain", "ok");
		Instant now = clock.instant();
		pipeline.dispatcher
			.receive(new Alert(LabelSet.of(Map.of("alertname", "DiskFull")), Map.of(), now, null, "", now), now);
		clock.advance(Duration.ofSeconds(30));
		assertThat(pipeline.dispatcher.tick(clock.instant(), pipeline.notifier)).hasSize(3);
		pipeline.worker.runUntilIdle();

		String basic = "Basic " + Base64.getEncoder().encodeToString("zgw:g10bal".getBytes(StandardCharsets.UTF_8));
		assertThat(hook.received()).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo(basic));
		assertThat(slack.received()).singleElement()
			.satisfies((request) -> assertThat(request.authorization()).isEqualTo(basic));
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("global@zgw.test");
		assertThat(mail.getHeader("Received"))
			.anySatisfy((received) -> assertThat(received).contains("global.zgw.example"));
	}

	@Test
	void templateFailingAtRunTimeIsSentWithItsDefaultAndCounted() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: team
				receivers:
				  - name: team
				    slack_configs:
				      - api_url: http://127.0.0.1:1/
				        title: '{{ (index .Alerts 3).Labels.alertname }}'
				""");
		Dispatcher dispatcher = new Dispatcher(config, new Silences(config.timeIntervals()),
				new InMemoryNotificationLog());
		Instant now = clock.instant();
		dispatcher.receive(new Alert(LabelSet.of(Map.of("alertname", "X")), Map.of(), now, null, "", now), now);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OutboxNotifier notifier = new OutboxNotifier(outbox, "http://zgw", new NotifyMetrics(registry, outbox));
		Delivery delivery = notifier.toDelivery(dispatcher.tick(now.plus(Duration.ofMinutes(1))).get(0));
		JsonNode attachment = JSON.readTree(delivery.payload()).path("attachments").get(0);
		assertThat(attachment.path("title").asString()).isEqualTo("[FIRING:1]  (X)");
		assertThat(registry.get(NotifyMetrics.TEMPLATE_ERRORS).tag("integration", "slack").counter().count())
			.isEqualTo(1);
	}

	@Test
	void teamsCardsArePostedToTheirWebhooksAndARefusalIsRetried() throws Exception {
		Pipeline pipeline = new Pipeline(ConfigLoader.load("""
				route:
				  receiver: teams
				  group_by: [alertname]
				receivers:
				  - name: teams
				    msteams_configs:
				      - webhook_url: %s
				    msteamsv2_configs:
				      - webhook_url: %s
				        send_resolved: false
				""".formatted(hook.url("/webhookb2/connector"), hook.url("/workflows/run?sig=s"))));
		// Teams answers 429 when a channel posts too fast: the card is sent again.
		hook.answerBy((n) -> (n == 1) ? 429 : 200);
		Instant start = clock.instant();
		Alert firing = new Alert(LabelSet.of(Map.of("alertname", "DiskFull", "instance", "db-1")), Map.of(), start,
				null, "http://zabbix/pay", start);
		pipeline.dispatcher.receive(firing, start);
		clock.advance(Duration.ofSeconds(30));
		assertThat(pipeline.dispatcher.tick(clock.instant(), pipeline.notifier)).hasSize(2);
		pipeline.worker.runUntilIdle();
		clock.advance(Duration.ofMinutes(1));
		pipeline.worker.runUntilIdle();

		assertThat(hook.acceptedBodies()).as(hook.received().toString()).hasSize(2);
		Map<String, JsonNode> byPath = new java.util.HashMap<>();
		for (RecordingReceiver.Received received : hook.received()) {
			if (received.answeredWith() == 200) {
				byPath.put(received.path(), JSON.readTree(received.body()));
				assertThat(received.contentType()).startsWith("application/json");
			}
		}
		JsonNode card = byPath.get("/webhookb2/connector");
		assertThat(card.path("type").asString()).isEqualTo("MessageCard");
		assertThat(card.path("title").asString()).isEqualTo("[FIRING:1] DiskFull (db-1)");
		assertThat(card.path("themeColor").asString()).isEqualTo("8C1A1A");
		JsonNode adaptive = byPath.get("/workflows/run").path("attachments").get(0);
		assertThat(adaptive.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(adaptive.path("content").path("body").get(1).path("text").asString())
			.contains("  - instance = db-1");
		assertThat(outbox.depth()).isZero();

		Instant end = clock.instant();
		pipeline.dispatcher
			.receive(new Alert(firing.labels(), firing.annotations(), start, end, firing.generatorUrl(), end), end);
		clock.advance(Duration.ofMinutes(5));
		assertThat(pipeline.dispatcher.tick(clock.instant(), pipeline.notifier)).as("msteamsv2 sends no resolved")
			.hasSize(1);
		pipeline.worker.runUntilIdle();
		JsonNode resolved = JSON.readTree(hook.acceptedBodies().get(2));
		assertThat(resolved.path("themeColor").asString()).isEqualTo("2DC72D");
	}

	@Test
	void incidentioAlertSourceGetsTheWebhookMessageWithItsTokenAndARateLimitIsRetried() throws Exception {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: incidents
				  group_by: [alertname]
				receivers:
				  - name: incidents
				    incidentio_configs:
				      - url: %s
				        alert_source_token: inc-t0ken
				        max_alerts: 1
				        timeout: 3s
				""".formatted(hook.url("/v2/alert_events/http/01J")));
		assertThat(AlertmanagerReceivers.of(config)).singleElement()
			.satisfies((receiver) -> assertThat(receiver.incidentioConfigs()).singleElement()
				.satisfies((entry) -> assertThat(entry.timeout()).isEqualTo(Duration.ofSeconds(3))));
		Pipeline pipeline = new Pipeline(config);
		// incident.io answers 429 when an alert source is sent to too fast.
		hook.answerBy((n) -> (n == 1) ? 429 : 202, "application/json", "{\"status\":\"success\"}");
		Instant start = clock.instant();
		for (String instance : List.of("db-1", "db-2")) {
			pipeline.dispatcher.receive(new Alert(LabelSet.of(Map.of("alertname", "DiskFull", "instance", instance)),
					Map.of(), start, null, "http://zabbix/pay", start), start);
		}
		clock.advance(Duration.ofSeconds(30));
		assertThat(pipeline.dispatcher.tick(clock.instant(), pipeline.notifier)).hasSize(1);
		pipeline.worker.runUntilIdle();
		clock.advance(Duration.ofMinutes(1));
		pipeline.worker.runUntilIdle();

		assertThat(hook.received()).extracting(RecordingReceiver.Received::answeredWith).containsExactly(429, 202);
		RecordingReceiver.Received sent = hook.received().get(1);
		assertThat(sent.path()).isEqualTo("/v2/alert_events/http/01J");
		assertThat(sent.authorization()).isEqualTo("Bearer inc-t0ken");
		assertThat(sent.body()).doesNotContain("inc-t0ken");
		JsonNode message = JSON.readTree(sent.body());
		assertThat(message.path("version").asString()).isEqualTo("1");
		assertThat(message.path("groupKey").asString()).isEqualTo("{}:{alertname=\"DiskFull\"}");
		assertThat(message.path("receiver").asString()).isEqualTo("incidents");
		assertThat(message.path("alerts")).hasSize(1);
		assertThat(message.path("truncatedAlerts").asInt()).isOne();
		assertThat(outbox.depth()).isZero();
	}

	@Test
	void rocketChatMessagesArePostedWithTheTokenInHeadersNotInTheOutbox() throws Exception {
		Pipeline pipeline = new Pipeline(ConfigLoader.load("""
				global:
				  rocketchat_token: rc-t0ken
				  rocketchat_token_id: rc-user
				route:
				  receiver: chat
				  group_by: [alertname]
				receivers:
				  - name: chat
				    rocketchat_configs:
				      - api_url: %s
				        channel: '#ops'
				        send_resolved: true
				""".formatted(hook.url("/rc"))));
		hook.answerBy((n) -> 200, "application/json", "{\"success\":true}");
		Instant start = clock.instant();
		Alert firing = new Alert(LabelSet.of(Map.of("alertname", "DiskFull", "instance", "db-1")), Map.of(), start,
				null, "http://zabbix/pay", start);
		pipeline.dispatcher.receive(firing, start);
		clock.advance(Duration.ofSeconds(30));
		assertThat(pipeline.dispatcher.tick(clock.instant(), pipeline.notifier)).hasSize(1);
		assertThat(outbox.depth()).isOne();
		pipeline.worker.runUntilIdle();

		RecordingReceiver.Received message = hook.received().get(0);
		assertThat(message.path()).isEqualTo("/rc/api/v1/chat.postMessage");
		assertThat(message.header("X-Auth-Token")).isEqualTo("rc-t0ken");
		assertThat(message.header("X-User-Id")).isEqualTo("rc-user");
		assertThat(message.body()).doesNotContain("rc-t0ken");
		JsonNode body = JSON.readTree(message.body());
		assertThat(body.path("channel").asString()).isEqualTo("#ops");
		assertThat(body.path("attachments").get(0).path("title").asString()).isEqualTo("[FIRING:1] DiskFull (db-1)");
		assertThat(body.path("attachments").get(0).path("color").asString()).isEqualTo("red");
		assertThat(outbox.depth()).isZero();
	}

	@Test
	void aJiraIssueIsMadeForAFiringGroupAndClosedWhenItResolves() throws Exception {
		try (JiraStandIn jira = new JiraStandIn()) {
			Pipeline pipeline = new Pipeline(ConfigLoader.load("""
					route:
					  receiver: tickets
					  group_by: [alertname]
					receivers:
					  - name: tickets
					    jira_configs:
					      - api_url: %s
					        project: DBA
					        issue_type: Incident
					        resolve_transition: Done
					        http_config: {basic_auth: {username: sre@example.com, password: api-t0ken}}
					""".formatted(jira.apiUrl(2))));
			Instant start = clock.instant();
			Alert firing = new Alert(LabelSet.of(Map.of("alertname", "DiskFull", "severity", "warning")), Map.of(),
					start, null, "http://zabbix/pay", start);
			pipeline.dispatcher.receive(firing, start);
			clock.advance(Duration.ofSeconds(30));
			pipeline.dispatcher.tick(clock.instant(), pipeline.notifier);
			pipeline.worker.runUntilIdle();
			assertThat(jira.issues()).singleElement().satisfies((issue) -> {
				assertThat(issue.fields().path("summary").asString()).isEqualTo("[FIRING:1] DiskFull (warning)");
				assertThat(issue.fields().path("priority").path("name").asString()).isEqualTo("Medium");
				assertThat(issue.done()).isFalse();
			});

			Instant end = clock.instant();
			pipeline.dispatcher
				.receive(new Alert(firing.labels(), firing.annotations(), start, end, firing.generatorUrl(), end), end);
			clock.advance(Duration.ofMinutes(5));
			pipeline.dispatcher.tick(clock.instant(), pipeline.notifier);
			pipeline.worker.runUntilIdle();
			assertThat(jira.issues()).singleElement().satisfies((issue) -> {
				assertThat(issue.fields().path("summary").asString()).isEqualTo("[RESOLVED] DiskFull (warning)");
				assertThat(issue.done()).isTrue();
			});
			assertThat(jira.requests()).extracting(JiraStandIn.Request::authorization)
				.containsOnly("Basic c3JlQGV4YW1wbGUuY29tOmFwaS10MGtlbg==");
			assertThat(outbox.depth()).isZero();
		}
	}

	@Test
	void receiverNameWithSlashesStillMapsToItsIntegration() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: team/pay
				receivers:
				  - name: team/pay
				    webhook_configs:
				      - url: http://127.0.0.1:1/a
				      - url: http://127.0.0.1:1/b
				""");
		Dispatcher dispatcher = new Dispatcher(config, new Silences(config.timeIntervals()),
				new InMemoryNotificationLog());
		Instant now = clock.instant();
		dispatcher.receive(new Alert(LabelSet.of(Map.of("alertname", "X")), Map.of(), now, null, "", now), now);
		List<Delivery> deliveries = dispatcher.tick(now.plus(Duration.ofMinutes(1)))
			.stream()
			.map(new OutboxNotifier(outbox, "http://zgw",
					new NotifyMetrics(new SimpleMeterRegistry(), outbox))::toDelivery)
			.toList();
		assertThat(deliveries).extracting(Delivery::receiver).containsOnly("team/pay");
		assertThat(deliveries).extracting((d) -> d.integration().toString())
			.containsExactlyInAnyOrder("webhook[0]", "webhook[1]");
	}

	// The dispatcher, the outbox notifier and a delivery worker on this test's outbox,
	// notifying the receivers of one configuration.
	private final class Pipeline {

		final Dispatcher dispatcher;

		final OutboxNotifier notifier;

		final DeliveryWorker worker;

		Pipeline(AlertmanagerConfig config) {
			ReceiverNotifiers notifiers = new ReceiverNotifiers(
					new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(2))), JSON, Duration.ofSeconds(5));
			notifiers.replace(AlertmanagerReceivers.of(config));
			this.worker = DeliveryWorkerTest.newWorker(outbox, notifiers, new SimpleMeterRegistry(), clock, "w1",
					sendPool);
			this.dispatcher = new Dispatcher(config, new Silences(config.timeIntervals()),
					new InMemoryNotificationLog());
			this.notifier = new OutboxNotifier(outbox, "https://zgw.example",
					new NotifyMetrics(new SimpleMeterRegistry(), outbox));
		}

	}

}
