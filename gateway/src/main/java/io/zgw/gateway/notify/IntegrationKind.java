package io.zgw.gateway.notify;

import java.util.Locale;

/**
 * IntegrationKind names a receiver integration type as Alertmanager's configuration does
 * ({@code webhook_configs}, {@code slack_configs}, {@code email_configs},
 * {@code pagerduty_configs}, {@code opsgenie_configs}, {@code discord_configs},
 * {@code webex_configs}, {@code victorops_configs}, {@code telegram_configs},
 * {@code wechat_configs}, {@code sns_configs}, {@code pushover_configs},
 * {@code msteams_configs}, {@code msteamsv2_configs}, {@code rocketchat_configs},
 * {@code jira_configs}, {@code incidentio_configs}).
 */
public enum IntegrationKind {

	WEBHOOK, SLACK, EMAIL, PAGERDUTY, OPSGENIE, DISCORD, WEBEX, VICTOROPS, TELEGRAM, WECHAT, SNS, PUSHOVER, MSTEAMS,
	MSTEAMSV2, ROCKETCHAT, JIRA, INCIDENTIO;

	/**
	 * The lower-case name used in integration ids and metric tags, e.g. {@code webhook}.
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
