package io.zgw.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.config.JiraConfig;
import io.zgw.alerts.config.MsTeamsConfig;
import io.zgw.alerts.config.RocketChatConfig;
import io.zgw.alerts.config.Receiver;
import io.zgw.alerts.config.PagerdutyConfig;
import io.zgw.alerts.config.PushoverConfig;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.config.TelegramConfig;
import io.zgw.alerts.config.WechatConfig;
import io.zgw.alerts.dispatch.Dispatcher;
import io.zgw.alerts.dispatch.InMemoryNotificationLog;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silencer;
import io.zgw.alerts.template.TemplateException;
import io.zgw.alerts.template.Templates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {

	private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	private static final String EXTERNAL_URL = "http://am.example:9093";

	// The same setup as the real Alertmanager 0.25 run whose payloads are quoted below.
	private static final String CONFIG = """
			route:
			  receiver: 'team.a'
			  group_by: [alertname]
			  routes:
			    - matchers: [severity=critical]
			      receiver: 'team.a'
			receivers:
			  - name: 'team.a'
			    webhook_configs:
			      - url: http://127.0.0.1:19477/hook
			        max_alerts: 1
			    slack_configs:
			      - api_url: http://127.0.0.1:19477/slack
			        channel: '#ops'
			        send_resolved: true
			    email_configs:
			      - to: ops@example.com
			        from: am@example.com
			        smarthost: 127.0.0.1:25
			        send_resolved: true
			    pagerduty_configs:
			      - routing_key: 0123456789abcdef
			        url: http://127.0.0.1:19477/pagerduty
			""";

	private static final Alert A = new Alert(
			LabelSet.of(Map.of("alertname", "Load", "severity", "critical", "instance", "a")), Map.of("summary", "x"),
			Instant.parse("2026-11-28T10:00:00.120Z"), null, "http://gen/x", T0);

	private static final Alert B = new Alert(
			LabelSet.of(Map.of("alertname", "Load", "severity", "critical", "instance", "b")), Map.of("summary", "x"),
			T0, null, "", T0);

	// Label and annotation values that HTML escapes.
	private static final Alert NEEDS_ESCAPING = new Alert(LabelSet.of(Map.of("alertname", "A<b>", "x", "1")),
			Map.of("summary", "s & t"), T0, null, "", T0);

	// The notifications of a new dispatcher's first flush of one alert.
	private static List<Notification> firstFlush(AlertmanagerConfig config, Alert alert) {
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		dispatcher.receive(alert, T0);
		return dispatcher.tick(T0.plusSeconds(30));
	}

	private static List<Notification> flush(Instant resolveAAt) {
		AlertmanagerConfig config = ConfigLoader.load(CONFIG);
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		dispatcher.receive(A, T0);
		dispatcher.receive(B, T0);
		List<Notification> first = dispatcher.tick(T0.plusSeconds(30));
		if (resolveAAt == null) {
			return first;
		}
		dispatcher.receive(new Alert(A.labels(), A.annotations(), A.startsAt(), resolveAAt, A.generatorUrl(), T0),
				T0.plusSeconds(40));
		return dispatcher.tick(T0.plusSeconds(330));
	}

	private static final TemplateErrors FAIL_ON_ERROR = (receiver, field, error) -> {
		throw new AssertionError(field + ": " + error.getMessage());
	};

	private static Notification of(List<Notification> notifications, String type) {
		return notifications.stream().filter((n) -> n.integration().type().equals(type)).findFirst().orElseThrow();
	}

	@Test
	void webhookPayloadIsByteForByteWhatAlertmanagerSent() {
		String json = JsonMapper.builder()
			.build()
			.writeValueAsString(WebhookPayload.of(of(flush(null), "webhook"), EXTERNAL_URL));
		assertThat(json).isEqualTo(
				"""
						{"receiver":"team\\\\.a","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Load","instance":"a","severity":"critical"},"annotations":{"summary":"x"},"startsAt":"2026-11-28T10:00:00.12Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://gen/x","fingerprint":"f5b692f34152454a"}],"groupLabels":{"alertname":"Load"},"commonLabels":{"alertname":"Load","instance":"a","severity":"critical"},"commonAnnotations":{"summary":"x"},"externalURL":"http://am.example:9093","version":"4","groupKey":"{}/{severity=\\"critical\\"}:{alertname=\\"Load\\"}","truncatedAlerts":1}""");
	}

	@Test
	void resolvedWebhookPayloadShowsEndsAtAndStatusOfTheTruncatedAlerts() {
		Instant end = Instant.parse("2026-11-28T10:01:00Z");
		WebhookPayload payload = WebhookPayload.of(of(flush(end), "webhook"), EXTERNAL_URL);
		// Alertmanager derives the status from the alerts left after max_alerts: b still
		// fires but was truncated.
		assertThat(payload.status()).isEqualTo("resolved");
		assertThat(payload.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.status()).isEqualTo("resolved");
			assertThat(alert.endsAt()).isEqualTo("2026-11-28T10:01:00Z");
		});
		assertThat(payload.truncatedAlerts()).isEqualTo(1);
	}

	@Test
	void incidentioMessageIsTheWebhookMessageAsVersion1CutToMaxAlerts() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: inc, group_by: [alertname]}
				receivers:
				  - name: inc
				    incidentio_configs: [{url: 'http://127.0.0.1:19477/incident', max_alerts: 1}]
				""");
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		dispatcher.receive(A, T0);
		dispatcher.receive(B, T0);
		Notification notification = of(dispatcher.tick(T0.plusSeconds(30)), "incidentio");
		String webhook = JsonMapper.builder().build().writeValueAsString(WebhookPayload.of(notification, EXTERNAL_URL));
		assertThat(IncidentioPayload.json(notification, EXTERNAL_URL))
			.isEqualTo(webhook.replace("\"version\":\"4\"", "\"version\":\"1\""))
			.contains("\"truncatedAlerts\":1");
	}

	@Test
	void incidentioMessageOverItsLimitKeepsOnlyTheFirstAlert() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: inc, group_by: [alertname]}
				receivers:
				  - name: inc
				    incidentio_configs: [{url: 'http://127.0.0.1:19477/incident'}]
				""");
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		String large = "x".repeat(IncidentioPayload.MAX_BYTES / 3);
		for (String instance : List.of("a", "b", "c")) {
			dispatcher.receive(new Alert(LabelSet.of(Map.of("alertname", "Load", "instance", instance)),
					Map.of("summary", instance + large), T0, null, "", T0), T0);
		}
		JsonNode whole = JsonMapper.builder()
			.build()
			.readTree(IncidentioPayload.json(of(dispatcher.tick(T0.plusSeconds(30)), "incidentio"), EXTERNAL_URL));
		// The first alert only; the group's status and common labels stay those of all
		// three, as Alertmanager's.
		assertThat(whole.path("alerts")).hasSize(1);
		assertThat(whole.path("alerts").get(0).path("labels").path("instance").asString()).isEqualTo("a");
		assertThat(whole.path("commonLabels").has("instance")).isFalse();
		assertThat(whole.path("truncatedAlerts").asInt()).isZero();

		// One alert over the limit is sent as it is: there is nothing left to drop.
		Alert huge = new Alert(LabelSet.of(Map.of("alertname", "Huge")),
				Map.of("summary", "x".repeat(IncidentioPayload.MAX_BYTES)), T0, null, "", T0);
		String alone = IncidentioPayload.json(of(firstFlush(config, huge), "incidentio"), EXTERNAL_URL);
		assertThat(alone.length()).isGreaterThan(IncidentioPayload.MAX_BYTES);
	}

	@Test
	void slackPayloadRendersAlertmanagersDefaults() {
		Notification notification = of(flush(null), "slack");
		SlackPayload payload = SlackPayload.of(notification, (SlackConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(payload.channel()).isEqualTo("#ops");
		assertThat(payload.username()).isEqualTo("Alertmanager");
		String link = "http://am.example:9093/#/alerts?receiver=team%5C.a";
		assertThat(payload.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.title()).isEqualTo("[FIRING:2] Load (critical)");
			assertThat(attachment.color()).isEqualTo("danger");
			assertThat(attachment.titleLink()).isEqualTo(link);
			assertThat(attachment.text()).isEmpty();
			assertThat(attachment.fallback()).isEqualTo("[FIRING:2] Load (critical) | " + link);
		});
		String json = JsonMapper.builder().build().writeValueAsString(payload);
		assertThat(json).contains("\"title_link\"", "\"text\":\"\"", "\"mrkdwn_in\"").doesNotContain("\"pretext\":");
	}

	@Test
	void slackTemplatesSeeTheNotificationData() {
		Notification notification = of(flush(null), "slack");
		SlackConfig config = slack("""
				title: '{{ .Status | toUpper }} {{ .CommonLabels.alertname }} ({{ .Alerts.Firing | len }})'
				text: "{{ range .Alerts }}{{ .Labels.instance }}:{{ .Annotations.summary }} {{ end }}"
				pretext: '{{ .GroupLabels.SortedPairs.Values | join "," }} via {{ .Receiver }}'
				""");
		SlackPayload.Attachment attachment = SlackPayload.of(notification, config, EXTERNAL_URL, FAIL_ON_ERROR)
			.attachments()
			.get(0);
		assertThat(attachment.title()).isEqualTo("FIRING Load (2)");
		assertThat(attachment.text()).isEqualTo("a:x b:x ");
		assertThat(attachment.pretext()).isEqualTo("Load via team\\.a");
	}

	@Test
	void templateFailingAtRunTimeFallsBackToTheDefaultAndIsReported() {
		Notification notification = of(flush(null), "slack");
		List<String> errors = new ArrayList<>();
		SlackConfig config = slack("title: '{{ (index .Alerts 5).Labels.alertname }}'\ntext: '{{ .Nope }}'\n");
		SlackPayload.Attachment attachment = SlackPayload
			.of(notification, config, EXTERNAL_URL,
					(receiver, field, error) -> errors.add(receiver + " " + field + ": " + error.getMessage()))
			.attachments()
			.get(0);
		assertThat(attachment.title()).isEqualTo("[FIRING:2] Load (critical)");
		assertThat(attachment.text()).isEmpty();
		assertThat(errors).containsExactly(
				"team.a slack_configs.title: error calling index: index out of range: 5 at 1:5",
				"team.a slack_configs.text: can't evaluate field Nope in type template.TemplateData at 1:4");
	}

	@Test
	void slackTitleIsCutAt1024CharactersWithAnEllipsis() {
		String long1024 = "é".repeat(1024);
		assertThat(Rendering.truncate(long1024, 1024)).isSameAs(long1024);
		assertThat(Rendering.truncate(long1024 + "x", 1024)).hasSize(1024).endsWith("é\u2026");
	}

	@Test
	void pagerDutyEventHasAlertmanagersDefaultsAndOneIncidentPerGroup() {
		Notification notification = of(flush(null), "pagerduty");
		PagerDutyPayload event = PagerDutyPayload.of(notification, (PagerdutyConfig) notification.integration(),
				EXTERNAL_URL, FAIL_ON_ERROR);
		assertThat(event.eventAction()).isEqualTo("trigger");
		// sha256 of the group key, as Alertmanager's notify.Key.Hash().
		assertThat(event.dedupKey()).hasSize(64).isEqualTo(Rendering.groupKeyHash(notification.groupKey()));
		assertThat(event.dedupKey()).isNotEqualTo(Rendering.groupKeyHash(notification.groupKey() + " "));
		assertThat(event.client()).isEqualTo("Alertmanager");
		assertThat(event.clientUrl()).isEqualTo(EXTERNAL_URL + "/#/alerts?receiver=team%5C.a");
		assertThat(event.payload().summary()).isEqualTo("[FIRING:2] Load (critical)");
		assertThat(event.payload().source()).isEqualTo("Alertmanager");
		assertThat(event.payload().severity()).isEqualTo("error");
		assertThat(event.payload().customDetails()).containsEntry("num_firing", "2")
			.containsEntry("num_resolved", "0")
			.containsEntry("resolved", "");
		assertThat(event.payload().customDetails().get("firing")).contains("instance = a").contains("instance = b");
		// The routing key is added by the sender, never stored with the event.
		assertThat(JsonMapper.builder().build().writeValueAsString(event)).doesNotContain("0123456789abcdef");
	}

	@Test
	void pagerDutyEventTooLargeForPagerDutyLosesItsCustomDetails() {
		Alert huge = new Alert(LabelSet.of(Map.of("alertname", "Load", "severity", "critical", "instance", "c")),
				Map.of("summary", "x".repeat(PagerDutyPayload.MAX_EVENT_BYTES)), T0, null, "", T0);
		AlertmanagerConfig config = ConfigLoader.load(CONFIG);
		Notification notification = of(firstFlush(config, huge), "pagerduty");
		PagerDutyPayload event = PagerDutyPayload.of(notification, (PagerdutyConfig) notification.integration(),
				EXTERNAL_URL, FAIL_ON_ERROR);
		assertThat(event.payload().customDetails()).containsExactly(Map.entry("error",
				"Custom details have been removed because the original event exceeds the maximum size of 512KB"));
		assertThat(event.payload().summary()).isEqualTo("[FIRING:1] Load (c critical)");
	}

	@Test
	void webexMessageIsCutToWebexsBytesOnWholeCharacters() {
		String fits = "é".repeat(WebexPayload.MAX_MESSAGE_BYTES / 2);
		assertThat(WebexPayload.truncateBytes(fits, WebexPayload.MAX_MESSAGE_BYTES)).isSameAs(fits);
		String cut = WebexPayload.truncateBytes(fits + "é", WebexPayload.MAX_MESSAGE_BYTES);
		assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(WebexPayload.MAX_MESSAGE_BYTES);
		assertThat(cut).endsWith("é\u2026").hasSize((WebexPayload.MAX_MESSAGE_BYTES - 3) / 2 + 1);
	}

	@Test
	void slackColorFollowsTheGroupStatus() {
		Instant end = Instant.parse("2026-11-28T10:01:00Z");
		Notification notification = of(flush(end), "slack");
		SlackPayload payload = SlackPayload.of(notification, (SlackConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		// b still fires, so the group is firing; only a is resolved.
		assertThat(payload.attachments().get(0).color()).isEqualTo("danger");
		assertThat(payload.attachments().get(0).title()).isEqualTo("[FIRING:1] Load (critical)");
		TemplateData data = TemplateData.of(notification, EXTERNAL_URL);
		TemplateData resolved = new TemplateData(data.receiver(), "resolved", data.alerts(), data.groupLabels(),
				data.commonLabels(), data.commonAnnotations(), data.externalUrl());
		assertThat(render("{{ template \"slack.default.title\" . }}", resolved))
			.isEqualTo("[RESOLVED] Load (critical)");
	}

	@Test
	void defaultTextTemplatesRenderAsAlertmanagers() {
		TemplateData data = TemplateData.of(of(flush(null), "slack"), EXTERNAL_URL);
		assertThat(render("{{ template \"__text_alert_list\" .Alerts }}", data)).isEqualTo("""
				Labels:
				 - alertname = Load
				 - instance = a
				 - severity = critical
				Annotations:
				 - summary = x
				Source: http://gen/x
				Labels:
				 - alertname = Load
				 - instance = b
				 - severity = critical
				Annotations:
				 - summary = x
				Source:\s
				""");
		TemplateData oneLabel = new TemplateData("r", "firing", data.alerts(), data.groupLabels(), data.groupLabels(),
				data.commonAnnotations(), EXTERNAL_URL);
		assertThat(render("{{ template \"email.default.subject\" . }}|{{ template \"__description\" . }}|", oneLabel))
			.as("Alertmanager leaves a trailing space when no other label is common")
			.isEqualTo("[FIRING:2] Load ||");
	}

	@Test
	void emailHasDefaultSubjectAndHtmlBody() {
		Notification notification = of(flush(null), "email");
		EmailMessage message = EmailMessage.of(notification, (EmailConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(message.subject()).isEqualTo("[FIRING:2] Load (critical)");
		assertThat(message.to()).isEqualTo("ops@example.com");
		assertThat(message.from()).isEqualTo("am@example.com");
		assertThat(message.body()).isEmpty();
		assertThat(message.html()).startsWith("<!DOCTYPE html>")
			.contains("<title>[FIRING:2] Load (critical)</title>")
			.contains("2 alerts for alertname=Load")
			.contains("<a href=\"http://am.example:9093/#/alerts?receiver=team%5C.a\">View in Alertmanager</a>")
			.contains("<strong>[2] Firing</strong>")
			.contains("instance = b<br>")
			.contains("<a href=\"http://gen/x\">Source</a>")
			.doesNotContain("Resolved");
	}

	@Test
	void emailHeadersAndBodiesAreRendered() {
		Notification notification = of(flush(null), "email");
		EmailConfig config = (EmailConfig) ((Receiver) ConfigLoader.load(CONFIG.replace("""
				        send_resolved: true
				""", """
				        send_resolved: true
				        headers: {subject: '{{ template "email.default.subject" . }} via {{ .Receiver }}', x-team: ops}
				        text: '{{ .CommonAnnotations.summary }}'
				        html: '<p>{{ .CommonLabels.alertname }} <{{ safeHtml "b" }}></p>'
				""")).receiver("team.a")).integrations().get(2);
		EmailMessage message = EmailMessage.of(notification, config, EXTERNAL_URL, FAIL_ON_ERROR);
		assertThat(message.subject()).isEqualTo("[FIRING:2] Load (critical) via team\\.a");
		assertThat(message.body()).isEqualTo("x");
		assertThat(message.html()).isEqualTo("<p>Load <b></p>");
		assertThat(message.headers()).containsExactly(Map.entry("X-Team", "ops"));
	}

	// Alertmanager 0.25 sent these parameters for this alert and these two entries
	// (through a proxy to a recording HTTPS server: its Pushover URL is fixed).
	@Test
	void pushoverMessageHasAlertmanagersDefaultsCutsAndEscaping() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: po, group_by: [alertname]}
				receivers:
				  - name: po
				    pushover_configs:
				      - {user_key: u1, token: t1, html: true}
				      - user_key: u2
				        token: t2
				        message: '  {{ "" }}  '
				        title: '{{ range .Alerts }}{{ .Labels.x }}{{ end }}'
				        url_title: 'Runbook for {{ .CommonLabels.alertname }}'
				        sound: siren
				        priority: '{{ if eq .Status "firing" }}1{{ else }}-1{{ end }}'
				        retry: 1.5m
				        expire: 2h30m
				""");
		String x = "é".repeat(300);
		Alert alert = new Alert(LabelSet.of(Map.of("alertname", "A<b>", "x", x)), Map.of("summary", "s & t"), T0, null,
				"", T0);
		List<Notification> sent = firstFlush(config, alert);
		assertThat(sent).hasSize(2);
		Map<String, String> first = PushoverPayload
			.of(sent.get(0), (PushoverConfig) sent.get(0).integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.parameters();
		Map<String, String> second = PushoverPayload
			.of(sent.get(1), (PushoverConfig) sent.get(1).integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.parameters();
		if (!first.containsKey("html")) {
			Map<String, String> swap = first;
			first = second;
			second = swap;
		}
		String url = EXTERNAL_URL + "/#/alerts?receiver=po";
		assertThat(first).containsExactly(Map.entry("expire", "3600"), Map.entry("html", "1"),
				Map.entry("message",
						"s &amp; t\n\nAlerts Firing:\nLabels:\n - alertname = A&lt;b&gt;\n - x = " + x
								+ "\nAnnotations:\n - summary = s &amp; t\nSource:"),
				Map.entry("priority", "2"), Map.entry("retry", "60"), Map.entry("sound", ""),
				Map.entry("title", "[FIRING:1] A<b> (" + x.substring(0, 249 - "[FIRING:1] A<b> (".length()) + "\u2026"),
				Map.entry("url", url), Map.entry("url_title", ""));
		assertThat(second).containsExactly(Map.entry("expire", "9000"), Map.entry("message", "(no details)"),
				Map.entry("priority", "1"), Map.entry("retry", "90"), Map.entry("sound", "siren"),
				Map.entry("title", x.substring(0, 249) + "\u2026"), Map.entry("url", url),
				Map.entry("url_title", "Runbook for A<b>"));
	}

	// Alertmanager 0.25 sent these two events for this alert and a v1 entry (the
	// service key first, and <, > and & as \u003c, \u003e and \u0026).
	@Test
	void pagerDutyV1EventHasTheV1FieldsAndClientOnlyWhenTriggering() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: pd, group_by: [alertname]}
				receivers:
				  - name: pd
				    pagerduty_configs:
				      - {service_key: skey, routing_key: rkey}
				""");
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		dispatcher.receive(NEEDS_ESCAPING, T0);
		Notification firing = dispatcher.tick(T0.plusSeconds(30)).get(0);
		JsonMapper json = JsonMapper.builder().build();
		PagerdutyConfig entry = (PagerdutyConfig) firing.integration();
		String hash = Rendering.groupKeyHash(firing.groupKey());
		String details = "Labels:\\n - alertname = A<b>\\n - x = 1\\nAnnotations:\\n - summary = s & t\\nSource: \\n";
		assertThat(json.writeValueAsString(PagerDutyV1Payload.of(firing, entry, EXTERNAL_URL, FAIL_ON_ERROR)))
			.isEqualTo("{\"incident_key\":\"" + hash + "\",\"event_type\":\"trigger\",\"description\":"
					+ "\"[FIRING:1] A<b> (1)\",\"event_action\":\"\",\"payload\":null,\"client\":\"Alertmanager\","
					+ "\"client_url\":\"" + EXTERNAL_URL + "/#/alerts?receiver=pd\",\"details\":{\"firing\":\""
					+ details + "\",\"num_firing\":\"1\",\"num_resolved\":\"0\",\"resolved\":\"\"}}");
		dispatcher.receive(
				new Alert(NEEDS_ESCAPING.labels(), NEEDS_ESCAPING.annotations(), T0, T0.plusSeconds(40), "", T0),
				T0.plusSeconds(40));
		Notification resolved = dispatcher.tick(T0.plusSeconds(330)).get(0);
		assertThat(json.writeValueAsString(PagerDutyV1Payload.of(resolved, entry, EXTERNAL_URL, FAIL_ON_ERROR)))
			.isEqualTo("{\"incident_key\":\"" + hash + "\",\"event_type\":\"resolve\",\"description\":"
					+ "\"[RESOLVED] A<b> (1)\",\"event_action\":\"\",\"payload\":null,\"details\":{\"firing\":\"\","
					+ "\"num_firing\":\"0\",\"num_resolved\":\"1\",\"resolved\":\"" + details + "\"}}");
	}

	// Alertmanager 0.25 sent these two bodies for this alert and these two entries (a
	// recording HTTP server as api_url).
	@Test
	void telegramMessageIsEscapedForHtmlOnlyInHtmlMode() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: tg, group_by: [alertname]}
				receivers:
				  - name: tg
				    telegram_configs:
				      - {bot_token: '123:abc', chat_id: -100}
				      - bot_token: '456:def'
				        chat_id: 42
				        parse_mode: ''
				        disable_notifications: true
				        message: '{{ .Status }} <b>{{ .CommonLabels.alertname }}</b> & {{ len .Alerts }}'
				""");
		List<Notification> sent = firstFlush(config, NEEDS_ESCAPING);
		assertThat(sent).hasSize(2);
		JsonMapper json = JsonMapper.builder().build();
		List<String> bodies = new ArrayList<>();
		for (Notification notification : sent) {
			bodies.add(json.writeValueAsString(TelegramPayload.of(notification,
					(TelegramConfig) notification.integration(), EXTERNAL_URL, FAIL_ON_ERROR)));
		}
		assertThat(bodies).containsExactlyInAnyOrder(
				"{\"chat_id\":\"-100\",\"disable_web_page_preview\":\"true\",\"parse_mode\":\"HTML\",\"text\":"
						+ "\"\\n\\nAlerts Firing:\\nLabels:\\n - alertname = A&lt;b&gt;\\n - x = 1\\nAnnotations:\\n"
						+ " - summary = s &amp; t\\nSource: \\n\\n\\n\\n\"}",
				"{\"chat_id\":\"42\",\"disable_notification\":\"true\",\"disable_web_page_preview\":\"true\","
						+ "\"text\":\"firing <b>A<b></b> & 1\"}");
	}

	// Alertmanager 0.25 sent this body for this alert and entry.
	@Test
	void wechatMarkdownMessageKeepsAnEmptyTextAndLeavesOutEmptyRecipients() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: wc, group_by: [alertname]}
				receivers:
				  - name: wc
				    wechat_configs:
				      - api_url: http://127.0.0.1:18878/other/
				        corp_id: corp2
				        api_secret: s2
				        message_type: markdown
				        to_user: '@all'
				        to_party: '{{ .CommonLabels.alertname }}'
				        agent_id: '1000002'
				        message: '**{{ .Status }}** <{{ .CommonLabels.alertname }}>'
				""");
		Notification notification = firstFlush(config, NEEDS_ESCAPING).get(0);
		assertThat(JsonMapper.builder()
			.build()
			.writeValueAsString(WechatPayload.of(notification, (WechatConfig) notification.integration(), EXTERNAL_URL,
					FAIL_ON_ERROR)))
			.isEqualTo("{\"text\":{\"content\":\"\"},\"touser\":\"@all\",\"toparty\":\"A<b>\",\"agentid\":\"1000002\","
					+ "\"safe\":\"0\",\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**firing** <A<b>>\"}}");
	}

	// Alertmanager's msteams.default.text (and msteamsv2's) for alert A firing.
	private static final String TEAMS_TEXT_OF_A = """


			# Alerts Firing:

			Labels:
			  - alertname = Load
			  - instance = a
			  - severity = critical

			Annotations:
			  - summary = x

			Source: http://gen/x




			""";

	private static final String TEAMS = """
			route:
			  receiver: r
			  group_by: [alertname]
			receivers:
			  - name: r
			    msteams_configs:
			      - webhook_url: https://example.webhook.office.com/webhookb2/x
			    msteamsv2_configs:
			      - webhook_url: https://example.logic.azure.com/workflows/x
			""";

	@Test
	void teamsMessageCardHasAlertmanagersFieldsDefaultsAndColours() {
		List<Notification> firing = firstFlush(ConfigLoader.load(TEAMS), A);
		Notification card = of(firing, "msteams");
		String json = JsonMapper.builder()
			.build()
			.writeValueAsString(
					MsTeamsPayload.of(card, (MsTeamsConfig) card.integration(), EXTERNAL_URL, FAIL_ON_ERROR));
		assertThat(JsonMapper.builder().build().readTree(json)).isEqualTo(JsonMapper.builder()
			.build()
			.createObjectNode()
			.put("@context", "http://schema.org/extensions")
			.put("type", "MessageCard")
			.put("title", "[FIRING:1] Load (a critical)")
			.put("summary", "[FIRING:1] Load (a critical)")
			.put("text", TEAMS_TEXT_OF_A)
			.put("themeColor", "8C1A1A"));
		assertThat(json).startsWith("{\"@context\":");

		Notification resolved = of(resolvedAfter(ConfigLoader.load(TEAMS), A), "msteams");
		MsTeamsPayload payload = MsTeamsPayload.of(resolved, (MsTeamsConfig) resolved.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(payload.themeColor()).isEqualTo("2DC72D");
		assertThat(payload.title()).isEqualTo("[RESOLVED] Load (a critical)");
		assertThat(payload.text()).startsWith("\n\n\n# Alerts Resolved:\n\nLabels:\n  - alertname = Load\n");
	}

	@Test
	void teamsWorkflowCardIsAlertmanagersAdaptiveCard() {
		Notification notification = of(firstFlush(ConfigLoader.load(TEAMS), A), "msteamsv2");
		JsonMapper json = JsonMapper.builder().build();
		String expected = """
				{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
				"contentUrl":null,"content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
				"type":"AdaptiveCard","version":"1.2","body":[
				{"type":"TextBlock","text":"[FIRING:1] Load (a critical)","weight":"Bolder","size":"Medium",
				"wrap":true,"style":"heading","color":"Attention"},
				{"type":"TextBlock","text":"TEXT","wrap":true}],"msteams":{"width":"full"}}}]}
				""".replace("TEXT", TEAMS_TEXT_OF_A.replace("\n", "\\n"));
		assertThat(json.readTree(json.writeValueAsString(MsTeamsV2Payload.of(notification,
				(MsTeamsConfig) notification.integration(), EXTERNAL_URL, FAIL_ON_ERROR))))
			.isEqualTo(json.readTree(expected));

		Notification resolved = of(resolvedAfter(ConfigLoader.load(TEAMS), A), "msteamsv2");
		assertThat(MsTeamsV2Payload.of(resolved, (MsTeamsConfig) resolved.integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.attachments()
			.get(0)
			.content()
			.body()
			.get(0)
			.color()).isEqualTo("Good");
	}

	@Test
	void rocketChatMessageIsAlertmanagersWithOneAttachment() {
		AlertmanagerConfig config = ConfigLoader
			.load("""
					route:
					  receiver: r
					  group_by: [alertname]
					receivers:
					  - name: r
					    rocketchat_configs:
					      - token: t0ken
					        token_id: u1d
					        channel: '#ops'
					        send_resolved: true
					        short_fields: true
					        fields:
					          - {title: Instance, value: '{{ .CommonLabels.instance }}'}
					          - {title: Severity, value: '{{ .CommonLabels.severity }}', short: false}
					        actions:
					          - {type: ignored, text: Runbook, url: 'https://runbooks.example/{{ .CommonLabels.alertname }}'}
					          - {text: Ack, msg: 'ack {{ .CommonLabels.alertname }}'}
					      - token: t0ken
					        token_id: u1d
					        title: '{{ range .Alerts }}{{ .Labels.instance }}{{ end }}'
					""");
		List<Notification> firing = firstFlush(config, A);
		JsonMapper json = JsonMapper.builder().build();
		String expected = """
				{"channel":"#ops","attachments":[{"title":"[FIRING:1] Load (a critical)",
				"title_link":"http://am.example:9093/#/alerts?receiver=r","color":"red",
				"fields":[{"short":true,"title":"Instance","value":"a"},
				{"short":false,"title":"Severity","value":"critical"}],
				"actions":[{"type":"button","text":"Runbook","url":"https://runbooks.example/Load","is_webview":false,
				"msg_in_chat_window":false},
				{"type":"button","text":"Ack","is_webview":false,"msg":"ack Load","msg_in_chat_window":false}]}]}
				""";
		String body = json.writeValueAsString(RocketChatPayload.of(firing.get(0),
				(RocketChatConfig) firing.get(0).integration(), EXTERNAL_URL, FAIL_ON_ERROR));
		assertThat(json.readTree(body)).isEqualTo(json.readTree(expected));
		assertThat(body).startsWith("{\"channel\":").doesNotContain("t0ken").doesNotContain("u1d");
		// Without a channel, emoji or avatar the message has none: the token's defaults.
		assertThat(json.readTree(json.writeValueAsString(RocketChatPayload.of(firing.get(1),
				(RocketChatConfig) firing.get(1).integration(), EXTERNAL_URL, FAIL_ON_ERROR))))
			.isEqualTo(json.readTree("""
					{"attachments":[{"title":"a","title_link":"http://am.example:9093/#/alerts?receiver=r",
					"color":"red"}]}
					"""));
		List<Notification> resolved = resolvedAfter(config, A);
		RocketChatPayload.Attachment attachment = RocketChatPayload
			.of(resolved.get(0), (RocketChatConfig) resolved.get(0).integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.attachments()
			.get(0);
		assertThat(attachment.color()).isEqualTo("green");
		assertThat(attachment.title()).isEqualTo("[RESOLVED] Load (a critical)");
	}

	private static final String JIRA = """
			route:
			  receiver: r
			  group_by: [alertname]
			receivers:
			  - name: r
			    jira_configs:
			      - api_url: https://example.atlassian.net/rest/api/2
			        project: DBA
			        issue_type: '{{ if eq .CommonLabels.severity "critical" }}Incident{{ else }}Task{{ end }}'
			        labels: ['team-{{ .CommonLabels.severity }}', database]
			        wont_fix_resolution: "Won't Fix"
			        reopen_transition: Reopen
			        resolve_transition: Done
			        reopen_duration: 1h
			        fields:
			          customfield_10001: {value: red}
			          components: [{name: Monitoring}]
			      - api_url: https://jira.example.com/rest/api/3
			        project: OPS
			        issue_type: Incident
			""";

	@Test
	void jiraIssueIsAlertmanagersWithTheGroupsLabelAndSearch() {
		List<Notification> firing = firstFlush(ConfigLoader.load(JIRA), A);
		Notification notification = firing.get(0);
		JiraPayload payload = JiraPayload.of(notification, (JiraConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		// Alertmanager's own test vector of Key.Hash().
		assertThat(Rendering.groupKeyHash("1"))
			.isEqualTo("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b");
		String label = "ALERT{" + Rendering.groupKeyHash(notification.groupKey()) + "}";
		assertThat(payload.jql()).isEqualTo("resolution != \"Won't Fix\" and (resolutiondate is EMPTY OR "
				+ "resolutiondate >= -60m) and project=\"DBA\" and labels=\"" + label
				+ "\" order by status ASC,resolutiondate DESC");
		assertThat(payload.cloud()).isTrue();
		assertThat(payload.firing()).isTrue();
		assertThat(payload.reopenTransition()).isEqualTo("Reopen");
		assertThat(payload.resolveTransition()).isEqualTo("Done");
		JsonMapper json = JsonMapper.builder().build();
		String expected = """
				{"fields":{"components":[{"name":"Monitoring"}],"customfield_10001":{"value":"red"},
				"description":"DESCRIPTION","issuetype":{"name":"Incident"},
				"labels":["LABEL","database","team-critical"],"priority":{"name":"High"},"project":{"key":"DBA"},
				"summary":"[FIRING:1] Load (a critical)"}}
				""".replace("LABEL", label).replace("DESCRIPTION", TEAMS_TEXT_OF_A.replace("\n", "\\n"));
		assertThat(json.readTree(json.writeValueAsString(payload.issue()))).isEqualTo(json.readTree(expected));
		// As Alertmanager's issueFields: the fields in key order.
		assertThat(json.writeValueAsString(payload.issue())).startsWith("{\"fields\":{\"components\":");

		List<Notification> resolved = resolvedAfter(ConfigLoader.load(JIRA), A);
		JiraPayload closing = JiraPayload.of(resolved.get(0), (JiraConfig) resolved.get(0).integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(closing.firing()).isFalse();
		assertThat(closing.jql()).isEqualTo("resolution != \"Won't Fix\" and statusCategory != Done and "
				+ "project=\"DBA\" and labels=\"" + label + "\" order by status ASC,resolutiondate DESC");
		assertThat(closing.issue().path("fields").path("summary").asString()).isEqualTo("[RESOLVED] Load (a critical)");
		// No alert fires: the resolved alerts' severity sets the priority.
		assertThat(closing.issue().path("fields").path("priority").path("name").asString()).isEqualTo("High");
	}

	@Test
	void jiraSearchQuotesTheProjectAsGosQuote() {
		// Alertmanager writes project=%q: a bell and a no-break space escaped.
		Notification notification = firstFlush(
				ConfigLoader.load(JIRA.replace("project: DBA", "project: \"DBA\\a\\u00a0\"")), A)
			.get(0);
		JiraPayload payload = JiraPayload.of(notification, (JiraConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(payload.jql()).contains(" project=\"DBA\\a\\u00a0\" and ");
	}

	@Test
	void jiraFieldsAreTemplatesReadBackAsYamlAsLaterAlertmanagers() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route: {receiver: r, group_by: [alertname]}
				receivers:
				  - name: r
				    jira_configs:
				      - api_url: https://example.atlassian.net/rest/api/2
				        project: DBA
				        issue_type: Incident
				        fields:
				          severity: {value: '{{ .CommonLabels.severity }}'}
				          alerts: '{{ len .Alerts }}'
				          missing: '{{ .CommonLabels.nope }}'
				          mixed: ['{{ .CommonLabels.instance }}', 7, true]
				          list: '[{{ .CommonLabels.instance }}, b]'
				          answer: 'yes'
				          quoted: '"{{ .CommonLabels.instance }}"'
				          text: 'Load on {{ .CommonLabels.instance }}'
				          keyed: {'team-{{ .CommonLabels.severity }}': x}
				""");
		Notification notification = firstFlush(config, A).get(0);
		JsonNode fields = JiraPayload
			.of(notification, (JiraConfig) notification.integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.issue()
			.path("fields");
		JsonMapper json = JsonMapper.builder().build();
		assertThat(fields.path("severity")).isEqualTo(json.readTree("{\"value\":\"critical\"}"));
		assertThat(fields.path("alerts").isNumber()).isTrue();
		assertThat(fields.path("alerts").asInt()).isOne();
		assertThat(fields.path("missing").isNull()).as("rendered empty: null").isTrue();
		assertThat(fields.path("mixed")).isEqualTo(json.readTree("[\"a\",7,true]"));
		assertThat(fields.path("list")).isEqualTo(json.readTree("[\"a\",\"b\"]"));
		assertThat(fields.path("answer").isBoolean()).as("YAML 1.1, as Go's yaml.v2").isTrue();
		assertThat(fields.path("quoted").asString()).isEqualTo("\"a\"");
		assertThat(fields.path("text").asString()).isEqualTo("Load on a");
		assertThat(fields.path("keyed")).isEqualTo(json.readTree("{\"team-critical\":\"x\"}"));
	}

	@Test
	void jiraFieldReadBackAsYamlIsNotRenderedAgain() {
		// Alertmanager renders the strings of a field read back as a list once more,
		// which would run template text that an alert's labels carry.
		assertThat(JiraPayload.resolve("[\"{{ .ExternalURL }}\", 2]").get(0).asString())
			.isEqualTo("{{ .ExternalURL }}");
		assertThat(JiraPayload.resolve("").isNull()).isTrue();
		assertThat(JiraPayload.resolve("off").asBoolean(true)).isFalse();
		assertThat(JiraPayload.resolve("@not yaml").asString()).isEqualTo("@not yaml");
		assertThat(JiraPayload.resolve("Disk full: 90%").path("Disk full").asString())
			.as("a colon and a space make a mapping in Alertmanager too")
			.isEqualTo("90%");
	}

	@Test
	void jiraApiV3DescriptionIsAnAtlassianDocument() {
		Notification notification = firstFlush(ConfigLoader.load(JIRA), A).get(1);
		JiraPayload payload = JiraPayload.of(notification, (JiraConfig) notification.integration(), EXTERNAL_URL,
				FAIL_ON_ERROR);
		assertThat(payload.cloud()).as("API v3 is Jira Cloud's").isTrue();
		JsonMapper json = JsonMapper.builder().build();
		// The default Markdown text becomes paragraphs, its lines hard breaks.
		assertThat(json.readTree(json.writeValueAsString(payload.issue().path("fields").path("description"))))
			.isEqualTo(json.readTree("""
					{"type":"doc","version":1,"content":[
					{"type":"paragraph","content":[{"type":"text","text":"# Alerts Firing:"}]},
					{"type":"paragraph","content":[{"type":"text","text":"Labels:"},{"type":"hardBreak"},
					{"type":"text","text":"  - alertname = Load"},{"type":"hardBreak"},
					{"type":"text","text":"  - instance = a"},{"type":"hardBreak"},
					{"type":"text","text":"  - severity = critical"}]},
					{"type":"paragraph","content":[{"type":"text","text":"Annotations:"},{"type":"hardBreak"},
					{"type":"text","text":"  - summary = x"}]},
					{"type":"paragraph","content":[{"type":"text","text":"Source: http://gen/x"}]}]}
					"""));
		// A template that renders a document is sent as it is.
		AlertmanagerConfig adf = ConfigLoader.load(JIRA.replace("        issue_type: Incident\n", """
				        issue_type: Incident
				        description: '{"type":"doc","version":1,"content":[]}'
				"""));
		Notification own = firstFlush(adf, A).get(1);
		assertThat(JiraPayload.of(own, (JiraConfig) own.integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.issue()
			.path("fields")
			.path("description")
			.toString()).isEqualTo("{\"type\":\"doc\",\"version\":1,\"content\":[]}");
	}

	@Test
	void rocketChatTitleIsCutTo1024Characters() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: r
				receivers:
				  - name: r
				    rocketchat_configs:
				      - {token: t, token_id: u, title: '{{ range .Alerts }}%s{{ end }}'}
				""".formatted("é".repeat(1500)));
		Notification notification = firstFlush(config, A).get(0);
		String title = RocketChatPayload
			.of(notification, (RocketChatConfig) notification.integration(), EXTERNAL_URL, FAIL_ON_ERROR)
			.attachments()
			.get(0)
			.title();
		assertThat(title).hasSize(1024).endsWith("\u00e9\u2026");
	}

	// The notifications that tell the receivers an alert they were told fires is
	// resolved.
	private static List<Notification> resolvedAfter(AlertmanagerConfig config, Alert alert) {
		Dispatcher dispatcher = new Dispatcher(config, Silencer.NONE, new InMemoryNotificationLog());
		dispatcher.receive(alert, T0);
		dispatcher.tick(T0.plusSeconds(30));
		Instant end = T0.plusSeconds(60);
		dispatcher.receive(
				new Alert(alert.labels(), alert.annotations(), alert.startsAt(), end, alert.generatorUrl(), end), end);
		return dispatcher.tick(T0.plusSeconds(330));
	}

	private static SlackConfig slack(String fields) {
		String yaml = "route: {receiver: r}\nreceivers:\n- name: r\n  slack_configs:\n  - api_url: http://x\n"
				+ fields.indent(4);
		return (SlackConfig) ConfigLoader.load(yaml).receiver("r").integrations().get(0);
	}

	private static String render(String text, TemplateData data) {
		try {
			return Templates.defaults().parse(text).execute(data);
		}
		catch (TemplateException ex) {
			throw new AssertionError(ex);
		}
	}

}
