package io.zgw.alerts.config;

/**
 * Integration is one supported notification target of a receiver (webhook, Slack, email,
 * PagerDuty, Opsgenie, VictorOps, Discord, Webex, Telegram, WeChat, SNS, Pushover,
 * Microsoft Teams, Rocket.Chat, Jira).
 */
public sealed interface Integration permits WebhookConfig, SlackConfig, EmailConfig, PagerdutyConfig, OpsgenieConfig,
		DiscordConfig, WebexConfig, VictorOpsConfig, TelegramConfig, WechatConfig, SnsConfig, PushoverConfig,
		MsTeamsConfig, RocketChatConfig, JiraConfig {

	/** Returns the Alertmanager integration name, such as {@code webhook}. */
	String type();

	/** Returns whether resolved alerts are sent. */
	boolean sendResolved();

}
