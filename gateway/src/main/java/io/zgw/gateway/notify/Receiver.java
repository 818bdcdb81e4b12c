package io.zgw.gateway.notify;

import java.util.List;

import io.zgw.gateway.notify.email.EmailConfig;
import io.zgw.gateway.notify.jira.JiraConfig;
import io.zgw.gateway.notify.opsgenie.OpsgenieConfig;
import io.zgw.gateway.notify.pagerduty.PagerDutyConfig;
import io.zgw.gateway.notify.pushover.PushoverConfig;
import io.zgw.gateway.notify.rocketchat.RocketChatConfig;
import io.zgw.gateway.notify.slack.SlackConfig;
import io.zgw.gateway.notify.sns.SnsConfig;
import io.zgw.gateway.notify.telegram.TelegramConfig;
import io.zgw.gateway.notify.victorops.VictorOpsConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.notify.wechat.WechatConfig;

/**
 * Receiver is one entry of Alertmanager's {@code receivers}: a name and its integrations
 * by kind; the index of a config in its list is the {@link Integration#index()}.
 *
 * @param name {@code name}
 * @param webhookConfigs {@code webhook_configs}
 * @param slackConfigs {@code slack_configs}
 * @param emailConfigs {@code email_configs}
 * @param pagerdutyConfigs {@code pagerduty_configs}
 * @param opsgenieConfigs {@code opsgenie_configs}
 * @param discordConfigs {@code discord_configs}: each a JSON POST to its webhook URL
 * @param webexConfigs {@code webex_configs}: each a JSON POST to its API URL
 * @param victorOpsConfigs {@code victorops_configs}
 * @param telegramConfigs {@code telegram_configs}
 * @param wechatConfigs {@code wechat_configs}
 * @param snsConfigs {@code sns_configs}
 * @param pushoverConfigs {@code pushover_configs}
 * @param msTeamsConfigs {@code msteams_configs}: each a JSON POST to its webhook URL
 * @param msTeamsV2Configs {@code msteamsv2_configs}: each a JSON POST to its webhook URL
 * @param rocketChatConfigs {@code rocketchat_configs}
 * @param jiraConfigs {@code jira_configs}
 * @param incidentioConfigs {@code incidentio_configs}: each a JSON POST to its alert
 * source URL
 */
public record Receiver(String name, List<WebhookConfig> webhookConfigs, List<SlackConfig> slackConfigs,
		List<EmailConfig> emailConfigs, List<PagerDutyConfig> pagerdutyConfigs, List<OpsgenieConfig> opsgenieConfigs,
		List<WebhookConfig> discordConfigs, List<WebhookConfig> webexConfigs, List<VictorOpsConfig> victorOpsConfigs,
		List<TelegramConfig> telegramConfigs, List<WechatConfig> wechatConfigs, List<SnsConfig> snsConfigs,
		List<PushoverConfig> pushoverConfigs, List<WebhookConfig> msTeamsConfigs, List<WebhookConfig> msTeamsV2Configs,
		List<RocketChatConfig> rocketChatConfigs, List<JiraConfig> jiraConfigs, List<WebhookConfig> incidentioConfigs) {

	public Receiver {
		if (name.isBlank()) {
			throw new IllegalArgumentException("receivers.name must not be blank");
		}
		webhookConfigs = List.copyOf(webhookConfigs);
		slackConfigs = List.copyOf(slackConfigs);
		emailConfigs = List.copyOf(emailConfigs);
		pagerdutyConfigs = List.copyOf(pagerdutyConfigs);
		opsgenieConfigs = List.copyOf(opsgenieConfigs);
		discordConfigs = List.copyOf(discordConfigs);
		webexConfigs = List.copyOf(webexConfigs);
		victorOpsConfigs = List.copyOf(victorOpsConfigs);
		telegramConfigs = List.copyOf(telegramConfigs);
		wechatConfigs = List.copyOf(wechatConfigs);
		snsConfigs = List.copyOf(snsConfigs);
		pushoverConfigs = List.copyOf(pushoverConfigs);
		msTeamsConfigs = List.copyOf(msTeamsConfigs);
		msTeamsV2Configs = List.copyOf(msTeamsV2Configs);
		rocketChatConfigs = List.copyOf(rocketChatConfigs);
		jiraConfigs = List.copyOf(jiraConfigs);
		incidentioConfigs = List.copyOf(incidentioConfigs);
	}

	/** A receiver with webhook, Slack and email integrations only. */
	public Receiver(String name, List<WebhookConfig> webhookConfigs, List<SlackConfig> slackConfigs,
			List<EmailConfig> emailConfigs) {
		this(name, webhookConfigs, slackConfigs, emailConfigs, List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
	}

}
