package io.zgw.alerts.config;

/**
 * Integration is one supported notification target of a receiver (webhook, Slack, email,
 * PagerDuty, Opsgenie, VictorOps, Discord, Webex, Telegram, WeChat, SNS, Pushover,
 * Microsoft Teams, Rocket.Chat, Jira, incident.io).
 */
public sealed interface Integration permits WebhookConfig, SlackConfig, EmailConfig, PagerdutyConfig, OpsgenieConfig,
		DiscordConfig, WebexConfig, VictorOpsConfig, TelegramConfig, WechatConfig, SnsConfig, PushoverConfig,
		MsTeamsConfig, RocketChatConfig, JiraConfig, IncidentioConfig {

	/** Returns the Alertmanager integration name, such as {@code webhook}. */
	String type();

	/** Returns whether resolved alerts are sent. */
	boolean sendResolved();

	/**
	 * Returns the most alerts one notification carries, 0 for all: {@code max_alerts}
	 * where the integration has it (webhook, incident.io).
	 */
	default int maxAlerts() {
		return 0;
	}

}
