package io.zgw.gateway.notify;

import io.zgw.alerts.config.DiscordConfig;
import io.zgw.alerts.config.MsTeamsConfig;
import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.config.JiraConfig;
import io.zgw.alerts.config.OpsgenieConfig;
import io.zgw.alerts.config.PagerdutyConfig;
import io.zgw.alerts.config.PushoverConfig;
import io.zgw.alerts.config.RocketChatConfig;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.config.SnsConfig;
import io.zgw.alerts.config.TelegramConfig;
import io.zgw.alerts.config.VictorOpsConfig;
import io.zgw.alerts.config.WechatConfig;
import io.zgw.alerts.config.WebexConfig;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.notify.DiscordPayload;
import io.zgw.alerts.notify.MsTeamsPayload;
import io.zgw.alerts.notify.MsTeamsV2Payload;
import io.zgw.alerts.notify.EmailMessage;
import io.zgw.alerts.notify.IncidentioPayload;
import io.zgw.alerts.notify.JiraPayload;
import io.zgw.alerts.notify.OpsgeniePayload;
import io.zgw.alerts.notify.PagerDutyPayload;
import io.zgw.alerts.notify.PagerDutyV1Payload;
import io.zgw.alerts.notify.PushoverPayload;
import io.zgw.alerts.notify.RocketChatPayload;
import io.zgw.alerts.notify.SlackPayload;
import io.zgw.alerts.notify.SnsPayload;
import io.zgw.alerts.notify.TelegramPayload;
import io.zgw.alerts.notify.VictorOpsPayload;
import io.zgw.alerts.notify.WechatPayload;
import io.zgw.alerts.notify.WebexPayload;
import io.zgw.alerts.notify.TemplateErrors;
import io.zgw.alerts.notify.WebhookPayload;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * OutboxNotifier is the alert-scripts dispatcher's notifier in the gateway: it renders a
 * notification for its integration and puts it in the outbox, so the dispatcher logs it
 * as sent once it is durable and the delivery workers take it from there. A receiver
 * template that fails is logged, counted and rendered with its default, so the
 * notification still goes out.
 */
public final class OutboxNotifier implements io.zgw.alerts.dispatch.Notifier {

	// A plain mapper, not Spring's: alert-scripts checks its payload bytes against
	// Alertmanager's with exactly this configuration.
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger log = LoggerFactory.getLogger(OutboxNotifier.class);

	private final OutboxQueue outbox;

	private final String externalUrl;

	private final NotifyMetrics metrics;

	/**
	 * Creates the notifier; {@code externalUrl} is the link back put in every payload.
	 */
	public OutboxNotifier(OutboxQueue outbox, String externalUrl, NotifyMetrics metrics) {
		this.outbox = outbox;
		this.externalUrl = externalUrl;
		this.metrics = metrics;
	}

	/** Enqueues the rendered notification; throws when the outbox cannot take it. */
	@Override
	public void deliver(Notification notification) {
		outbox.enqueue(toDelivery(notification));
	}

	/** Counts a notification its receiver's {@code rate_limit} held back. */
	@Override
	public void rateLimited(Notification notification) {
		Integration integration = integrationOf(notification.integrationKey());
		log.debug("receiver {}: {} held back by its rate_limit for group {}", notification.receiver(), integration,
				notification.groupKey());
		metrics.rateLimited(notification.receiver(), integration.kind());
	}

	/** The delivery for a notification: its integration and rendered payload. */
	public Delivery toDelivery(Notification notification) {
		Integration integration = integrationOf(notification.integrationKey());
		TemplateErrors errors = (receiver, field, error) -> {
			log.warn("receiver {}: template {} failed, rendered its default instead: {}", receiver, field,
					error.getMessage());
			metrics.templateError(integration.kind());
		};
		String payload = switch (integration.kind()) {
			case WEBHOOK -> JSON.writeValueAsString(WebhookPayload.of(notification, externalUrl));
			case SLACK -> JSON.writeValueAsString(
					SlackPayload.of(notification, (SlackConfig) notification.integration(), externalUrl, errors));
			case EMAIL -> JSON.writeValueAsString(
					EmailMessage.of(notification, (EmailConfig) notification.integration(), externalUrl, errors));
			case PAGERDUTY -> pagerDuty(notification, (PagerdutyConfig) notification.integration(), errors);
			case OPSGENIE -> JSON.writeValueAsString(
					OpsgeniePayload.of(notification, (OpsgenieConfig) notification.integration(), externalUrl, errors));
			case DISCORD -> JSON.writeValueAsString(
					DiscordPayload.of(notification, (DiscordConfig) notification.integration(), externalUrl, errors));
			case WEBEX -> JSON.writeValueAsString(
					WebexPayload.of(notification, (WebexConfig) notification.integration(), externalUrl, errors));
			case VICTOROPS -> JSON.writeValueAsString(VictorOpsPayload.of(notification,
					(VictorOpsConfig) notification.integration(), externalUrl, errors));
			case TELEGRAM -> JSON.writeValueAsString(
					TelegramPayload.of(notification, (TelegramConfig) notification.integration(), externalUrl, errors));
			case WECHAT -> JSON.writeValueAsString(
					WechatPayload.of(notification, (WechatConfig) notification.integration(), externalUrl, errors));
			case SNS -> JSON.writeValueAsString(
					SnsPayload.of(notification, (SnsConfig) notification.integration(), externalUrl, errors));
			case PUSHOVER -> JSON.writeValueAsString(
					PushoverPayload.of(notification, (PushoverConfig) notification.integration(), externalUrl, errors));
			case MSTEAMS -> JSON.writeValueAsString(
					MsTeamsPayload.of(notification, (MsTeamsConfig) notification.integration(), externalUrl, errors));
			case MSTEAMSV2 -> JSON.writeValueAsString(
					MsTeamsV2Payload.of(notification, (MsTeamsConfig) notification.integration(), externalUrl, errors));
			case JIRA -> JSON.writeValueAsString(
					JiraPayload.of(notification, (JiraConfig) notification.integration(), externalUrl, errors));
			case ROCKETCHAT -> JSON.writeValueAsString(RocketChatPayload.of(notification,
					(RocketChatConfig) notification.integration(), externalUrl, errors));
			case INCIDENTIO -> IncidentioPayload.json(notification, externalUrl);
		};
		return new Delivery(notification.receiver(), integration, notification.groupKey(), payload);
	}

	// Events API v1 for an entry with a service key, as Alertmanager; else v2.
	private String pagerDuty(Notification notification, PagerdutyConfig config, TemplateErrors errors) {
		return JSON.writeValueAsString(
				config.serviceKey().isEmpty() ? PagerDutyPayload.of(notification, config, this.externalUrl, errors)
						: PagerDutyV1Payload.of(notification, config, this.externalUrl, errors));
	}

	/**
	 * Returns alert-scripts' key of a receiver's integration,
	 * {@code receiver/type/index}: what its notification log and rate limits are kept by.
	 */
	public static String integrationKey(String receiver, Integration integration) {
		return receiver + "/" + integration.kind().id() + "/" + integration.index();
	}

	/**
	 * Parses alert-scripts' {@code receiver/type/index}; the receiver name may hold
	 * slashes.
	 */
	private static Integration integrationOf(String integrationKey) {
		int lastSlash = integrationKey.lastIndexOf('/');
		int typeSlash = integrationKey.lastIndexOf('/', lastSlash - 1);
		return Integration.parse(integrationKey.substring(typeSlash + 1, lastSlash) + "["
				+ integrationKey.substring(lastSlash + 1) + "]");
	}

}
