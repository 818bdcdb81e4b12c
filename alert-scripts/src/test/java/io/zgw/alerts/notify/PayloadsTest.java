package io.zgw.alerts.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Dispatcher;
import io.zgw.alerts.dispatch.InMemoryNotificationLog;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silencer;
import org.junit.jupiter.api.Test;
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
			        send_resolved: true
			""";

	private static final Alert A = new Alert(
			LabelSet.of(Map.of("alertname", "Load", "severity", "critical", "instance", "a")), Map.of("summary", "x"),
			Instant.parse("2026-11-28T10:00:00.120Z"), null, "http://gen/x", T0);

	private static final Alert B = new Alert(
			LabelSet.of(Map.of("alertname", "Load", "severity", "critical", "instance", "b")), Map.of("summary", "x"),
			T0, null, "", T0);

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
	void slackPayloadUsesDefaultTitleColorAndAlertList() {
		Notification notification = of(flush(null), "slack");
		SlackPayload payload = SlackPayload.of(notification, (SlackConfig) notification.integration(), EXTERNAL_URL);
		assertThat(payload.channel()).isEqualTo("#ops");
		assertThat(payload.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.title()).isEqualTo("[FIRING:2] Load (critical)");
			assertThat(attachment.color()).isEqualTo("danger");
			assertThat(attachment.titleLink()).isEqualTo("http://am.example:9093/#/alerts?receiver=team.a");
			assertThat(attachment.text()).contains("Firing (2):")
				.contains("instance=a")
				.contains("source: http://gen/x");
		});
		String json = JsonMapper.builder().build().writeValueAsString(payload);
		assertThat(json).contains("\"title_link\"").contains("\"mrkdwn_in\"");
	}

	@Test
	void slackTitleAndTextSubstituteSupportedPlaceholdersOnly() {
		Notification notification = of(flush(null), "slack");
		SlackConfig config = new SlackConfig("http://x", null, null,
				"{{ .Status | toUpper }} {{ .CommonLabels.alertname }} ({{ .Alerts.Firing | len }})",
				"{{ .GroupLabels.alertname }} on {{ .CommonLabels.missing }}{{ range .Alerts }}x{{ end }}", true);
		SlackPayload.Attachment attachment = SlackPayload.of(notification, config, EXTERNAL_URL).attachments().get(0);
		assertThat(attachment.title()).isEqualTo("FIRING Load (2)");
		assertThat(attachment.text()).isEqualTo("Load on {{ range .Alerts }}x{{ end }}");
	}

	@Test
	void resolvedSlackMessageIsGreen() {
		Instant end = Instant.parse("2026-11-28T10:01:00Z");
		List<Notification> notifications = flush(end);
		Notification notification = of(notifications, "slack");
		SlackPayload payload = SlackPayload.of(notification, (SlackConfig) notification.integration(), EXTERNAL_URL);
		// b still fires, so the group is firing; only a is resolved.
		assertThat(payload.attachments().get(0).color()).isEqualTo("danger");
		assertThat(payload.attachments().get(0).text()).contains("Resolved (1):")
			.contains("resolved: 2026-11-28 10:01:00 UTC");
	}

	@Test
	void emailHasDefaultSubjectAndPlainTextBody() {
		Notification notification = of(flush(null), "email");
		EmailConfig config = (EmailConfig) notification.integration();
		EmailMessage message = EmailMessage.of(notification, config, EXTERNAL_URL);
		assertThat(message.subject()).isEqualTo("[FIRING:2] Load (critical)");
		assertThat(message.to()).isEqualTo("ops@example.com");
		assertThat(message.from()).isEqualTo("am@example.com");
		assertThat(message.body()).contains("Firing (2):")
			.contains("Alerts: http://am.example:9093/#/alerts?receiver=team.a");
	}

	@Test
	void emailSubjectHeaderIsRendered() {
		Notification notification = of(flush(null), "email");
		EmailConfig config = new EmailConfig("ops@example.com", null, null, null, null, true,
				Map.of("Subject", "{{ template \"email.default.subject\" . }} via {{ .Receiver }}", "X-Team", "ops"),
				"{{ .CommonAnnotations.summary }}", true);
		EmailMessage message = EmailMessage.of(notification, config, EXTERNAL_URL);
		assertThat(message.subject()).isEqualTo("[FIRING:2] Load (critical) via team.a");
		assertThat(message.body()).isEqualTo("x");
		assertThat(message.headers()).containsEntry("X-Team", "ops").doesNotContainKey("Subject");
	}

	@Test
	void timestampsFollowGosRfc3339Nano() {
		assertThat(TemplateData.goTime(Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo("2026-11-28T10:00:00Z");
		assertThat(TemplateData.goTime(Instant.parse("2026-11-28T10:00:00.120Z"))).isEqualTo("2026-11-28T10:00:00.12Z");
		assertThat(TemplateData.goTime(Instant.parse("2026-11-28T10:00:00.000000001Z")))
			.isEqualTo("2026-11-28T10:00:00.000000001Z");
		assertThat(TemplateData.goTime(null)).isEqualTo("0001-01-01T00:00:00Z");
	}

}
