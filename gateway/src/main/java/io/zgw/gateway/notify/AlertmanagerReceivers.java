package io.zgw.gateway.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.config.TlsConfig;
import io.zgw.gateway.notify.email.EmailConfig;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.TlsContext;
import io.zgw.gateway.notify.opsgenie.OpsgenieConfig;
import io.zgw.gateway.notify.pagerduty.PagerDutyConfig;
import io.zgw.gateway.notify.jira.JiraConfig;
import io.zgw.gateway.notify.pushover.PushoverConfig;
import io.zgw.gateway.notify.rocketchat.RocketChatConfig;
import io.zgw.gateway.notify.slack.SlackConfig;
import io.zgw.gateway.notify.sns.AwsCredentials;
import io.zgw.gateway.notify.sns.AwsEnvironment;
import io.zgw.gateway.notify.sns.SnsConfig;
import io.zgw.gateway.notify.telegram.TelegramConfig;
import io.zgw.gateway.notify.victorops.VictorOpsConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.notify.wechat.WechatConfig;
import org.jspecify.annotations.Nullable;

/**
 * AlertmanagerReceivers maps the receivers of an {@code alertmanager.yml} loaded by
 * alert-scripts onto this package's config records, so that a config (re)load is
 * {@code notifiers.replace(AlertmanagerReceivers.of(config))}.
 */
public final class AlertmanagerReceivers {

	private AlertmanagerReceivers() {
	}

	/**
	 * The receivers of {@code config}; throws a {@link ConfigException} whose path names
	 * the integration, as the routing file's loader does, when one cannot be delivered
	 * (say, an https proxy).
	 */
	public static List<Receiver> of(AlertmanagerConfig config) {
		return of(config, AwsEnvironment.system());
	}

	/**
	 * The receivers of {@code config}, SNS entries without credentials of their own
	 * signing with what {@code aws} has.
	 */
	public static List<Receiver> of(AlertmanagerConfig config, AwsEnvironment aws) {
		List<Receiver> receivers = new ArrayList<>();
		for (io.zgw.alerts.config.Receiver receiver : config.receivers().values()) {
			receivers.add(of(receiver, receivers.size(), aws));
		}
		return receivers;
	}

	private static Receiver of(io.zgw.alerts.config.Receiver receiver, int position, AwsEnvironment aws) {
		List<WebhookConfig> webhooks = new ArrayList<>();
		List<SlackConfig> slacks = new ArrayList<>();
		List<EmailConfig> emails = new ArrayList<>();
		List<PagerDutyConfig> pagerduty = new ArrayList<>();
		List<OpsgenieConfig> opsgenie = new ArrayList<>();
		List<WebhookConfig> discord = new ArrayList<>();
		List<WebhookConfig> webex = new ArrayList<>();
		List<VictorOpsConfig> victorOps = new ArrayList<>();
		List<TelegramConfig> telegram = new ArrayList<>();
		List<WechatConfig> wechat = new ArrayList<>();
		List<SnsConfig> sns = new ArrayList<>();
		List<PushoverConfig> pushover = new ArrayList<>();
		List<RocketChatConfig> rocketChat = new ArrayList<>();
		List<JiraConfig> jira = new ArrayList<>();
		List<WebhookConfig> msTeams = new ArrayList<>();
		List<WebhookConfig> msTeamsV2 = new ArrayList<>();
		List<WebhookConfig> incidentio = new ArrayList<>();
		for (io.zgw.alerts.config.Integration integration : receiver.integrations()) {
			try {
				if (integration instanceof io.zgw.alerts.config.WebhookConfig webhook) {
					webhooks.add(webhook(webhook));
				}
				else if (integration instanceof io.zgw.alerts.config.SlackConfig slack) {
					slacks.add(slack(slack));
				}
				else if (integration instanceof io.zgw.alerts.config.EmailConfig email) {
					emails.add(email(email));
				}
				else if (integration instanceof io.zgw.alerts.config.PagerdutyConfig config) {
					pagerduty.add(config.serviceKey().isEmpty()
							? new PagerDutyConfig(config.sendResolved(), new Secret(config.routingKey()), false,
									new Secret(config.url()), HttpConfig.of(config.http()))
							: new PagerDutyConfig(config.sendResolved(), new Secret(config.serviceKey()), true,
									new Secret(io.zgw.alerts.config.PagerdutyConfig.V1_URL),
									HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.OpsgenieConfig config) {
					opsgenie.add(new OpsgenieConfig(config.sendResolved(), new Secret(config.apiKey()),
							new Secret(config.apiUrl()), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.DiscordConfig config) {
					discord.add(new WebhookConfig(config.sendResolved(), new Secret(config.webhookUrl()), 0, null,
							HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.MsTeamsConfig config) {
					(config.workflow() ? msTeamsV2 : msTeams).add(new WebhookConfig(config.sendResolved(),
							new Secret(config.webhookUrl()), 0, null, HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.VictorOpsConfig config) {
					victorOps.add(new VictorOpsConfig(config.sendResolved(), new Secret(config.apiKey()),
							new Secret(config.apiUrl()), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.TelegramConfig config) {
					telegram.add(new TelegramConfig(config.sendResolved(), new Secret(config.botToken()),
							new Secret(config.apiUrl()), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.WechatConfig config) {
					wechat.add(new WechatConfig(config.sendResolved(), new Secret(config.apiSecret()), config.corpId(),
							new Secret(config.apiUrl()), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.SnsConfig config) {
					sns.add(sns(config, aws));
				}
				else if (integration instanceof io.zgw.alerts.config.PushoverConfig config) {
					pushover.add(new PushoverConfig(config.sendResolved(), new Secret(config.userKey()),
							new Secret(config.token()), new Secret(io.zgw.alerts.config.PushoverConfig.API_URL),
							HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.RocketChatConfig config) {
					rocketChat.add(new RocketChatConfig(config.sendResolved(), URI.create(config.apiUrl()),
							new Secret(config.token()), new Secret(config.tokenId()), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.JiraConfig config) {
					jira.add(new JiraConfig(config.sendResolved(), URI.create(config.apiUrl()),
							HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.IncidentioConfig config) {
					incidentio.add(new WebhookConfig(config.sendResolved(), new Secret(config.url()),
							config.maxAlerts(), config.timeout(), HttpConfig.of(config.http())));
				}
				else if (integration instanceof io.zgw.alerts.config.WebexConfig config) {
					webex.add(new WebhookConfig(config.sendResolved(), new Secret(config.apiUrl()), 0, null,
							HttpConfig.of(config.http())));
				}
			}
			catch (IllegalArgumentException ex) {
				int index = (int) receiver.integrations()
					.stream()
					.takeWhile((other) -> other != integration)
					.filter((other) -> other.type().equals(integration.type()))
					.count();
				throw new ConfigException(
						"receivers[" + position + "]." + integration.type() + "_configs[" + index + "]",
						"receiver \"" + receiver.name() + "\": " + ex.getMessage(), ex);
			}
		}
		return new Receiver(receiver.name(), webhooks, slacks, emails, pagerduty, opsgenie, discord, webex, victorOps,
				telegram, wechat, sns, pushover, msTeams, msTeamsV2, rocketChat, jira, incidentio);
	}

	private static SnsConfig sns(io.zgw.alerts.config.SnsConfig config, AwsEnvironment aws) {
		String region = aws.region(config.region());
		String url = (config.apiUrl() != null) ? config.apiUrl() : SnsConfig.endpoint(region);
		AwsCredentials credentials = config.accessKey().isEmpty() ? null
				: new AwsCredentials(config.accessKey(), new Secret(config.secretKey()), null);
		return new SnsConfig(config.sendResolved(), new Secret(url), region, credentials, config.profile(),
				config.roleArn(), aws, HttpConfig.of(config.http()));
	}

	private static WebhookConfig webhook(io.zgw.alerts.config.WebhookConfig webhook) {
		return new WebhookConfig(webhook.sendResolved(), new Secret(webhook.url()), webhook.maxAlerts(),
				webhook.timeout(), HttpConfig.of(webhook.http()));
	}

	private static SlackConfig slack(io.zgw.alerts.config.SlackConfig slack) {
		// alert-scripts renders channel and username (templates) into each message.
		return new SlackConfig(slack.sendResolved(), new Secret(slack.apiUrl()), null, null,
				HttpConfig.of(slack.http()));
	}

	private static @Nullable TlsContext tls(@Nullable TlsConfig config) {
		return (config != null) ? TlsContext.of(config) : null;
	}

	private static EmailConfig email(io.zgw.alerts.config.EmailConfig email) {
		Secret password = (email.authPassword() != null) ? new Secret(email.authPassword()) : null;
		Secret secret = (email.authSecret() != null) ? new Secret(email.authSecret()) : null;
		// alert-scripts renders the config's headers into each message, so none are added
		// here.
		return new EmailConfig(email.sendResolved(), email.to(), email.from(), email.hello(), email.smarthost(),
				email.authUsername(), password, email.authIdentity(), secret, email.requireTls(), Map.of(),
				tls(email.tls()));
	}

}
