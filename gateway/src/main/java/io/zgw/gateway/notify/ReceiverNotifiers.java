package io.zgw.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.zgw.gateway.notify.email.EmailConfig;
import io.zgw.gateway.notify.email.EmailNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.opsgenie.OpsgenieConfig;
import io.zgw.gateway.notify.opsgenie.OpsgenieNotifier;
import io.zgw.gateway.notify.pagerduty.PagerDutyConfig;
import io.zgw.gateway.notify.pagerduty.PagerDutyNotifier;
import io.zgw.gateway.notify.slack.SlackConfig;
import io.zgw.gateway.notify.telegram.TelegramConfig;
import io.zgw.gateway.notify.telegram.TelegramNotifier;
import io.zgw.gateway.notify.victorops.VictorOpsConfig;
import io.zgw.gateway.notify.victorops.VictorOpsNotifier;
import io.zgw.gateway.notify.slack.SlackNotifier;
import io.zgw.gateway.notify.sns.SnsConfig;
import io.zgw.gateway.notify.sns.SnsNotifier;
import io.zgw.gateway.notify.webhook.WebhookConfig;
import io.zgw.gateway.notify.wechat.WechatConfig;
import io.zgw.gateway.notify.wechat.WechatNotifier;
import io.zgw.gateway.notify.webhook.WebhookNotifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * ReceiverNotifiers builds one {@link Notifier} per configured integration and swaps the
 * whole set atomically when the routing configuration is (re)loaded.
 */
public final class ReceiverNotifiers implements Notifiers {

	private final JsonPoster poster;

	private final JsonMapper json;

	private final Duration timeout;

	// null until the first replace(): see loaded().
	private final AtomicReference<@Nullable Map<String, List<Notifier>>> byReceiver = new AtomicReference<>();

	/** Creates an empty set; {@code timeout} is the default per-send timeout. */
	public ReceiverNotifiers(JsonPoster poster, JsonMapper json, Duration timeout) {
		this.poster = poster;
		this.json = json;
		this.timeout = timeout;
	}

	/**
	 * Replaces the configured receivers; queued deliveries for a receiver that is gone
	 * fail permanently when their turn comes.
	 */
	public void replace(List<Receiver> receivers) {
		Map<String, List<Notifier>> built = new LinkedHashMap<>();
		for (Receiver receiver : receivers) {
			if (built.put(receiver.name(), build(receiver)) != null) {
				throw new IllegalArgumentException("receivers: duplicate receiver name '" + receiver.name() + "'");
			}
		}
		byReceiver.set(Map.copyOf(built));
	}

	private List<Notifier> build(Receiver receiver) {
		List<Notifier> notifiers = new ArrayList<>();
		addJsonPosts(notifiers, IntegrationKind.WEBHOOK, receiver.webhookConfigs());
		addJsonPosts(notifiers, IntegrationKind.DISCORD, receiver.discordConfigs());
		addJsonPosts(notifiers, IntegrationKind.WEBEX, receiver.webexConfigs());
		List<SlackConfig> slacks = receiver.slackConfigs();
		for (int i = 0; i < slacks.size(); i++) {
			notifiers.add(
					new SlackNotifier(new Integration(IntegrationKind.SLACK, i), slacks.get(i), poster, json, timeout));
		}
		List<EmailConfig> emails = receiver.emailConfigs();
		for (int i = 0; i < emails.size(); i++) {
			notifiers.add(new EmailNotifier(new Integration(IntegrationKind.EMAIL, i), emails.get(i), json, timeout));
		}
		List<PagerDutyConfig> pagerduty = receiver.pagerdutyConfigs();
		for (int i = 0; i < pagerduty.size(); i++) {
			notifiers.add(new PagerDutyNotifier(new Integration(IntegrationKind.PAGERDUTY, i), pagerduty.get(i), poster,
					json, timeout));
		}
		List<VictorOpsConfig> victorOps = receiver.victorOpsConfigs();
		for (int i = 0; i < victorOps.size(); i++) {
			notifiers.add(new VictorOpsNotifier(new Integration(IntegrationKind.VICTOROPS, i), victorOps.get(i), poster,
					json, timeout));
		}
		List<TelegramConfig> telegram = receiver.telegramConfigs();
		for (int i = 0; i < telegram.size(); i++) {
			notifiers.add(new TelegramNotifier(new Integration(IntegrationKind.TELEGRAM, i), telegram.get(i), poster,
					json, timeout));
		}
		List<WechatConfig> wechat = receiver.wechatConfigs();
		for (int i = 0; i < wechat.size(); i++) {
			notifiers.add(new WechatNotifier(new Integration(IntegrationKind.WECHAT, i), wechat.get(i), poster, json,
					timeout, Clock.systemUTC()));
		}
		List<SnsConfig> sns = receiver.snsConfigs();
		for (int i = 0; i < sns.size(); i++) {
			notifiers.add(new SnsNotifier(new Integration(IntegrationKind.SNS, i), sns.get(i), poster, json, timeout,
					Clock.systemUTC()));
		}
		List<OpsgenieConfig> opsgenie = receiver.opsgenieConfigs();
		for (int i = 0; i < opsgenie.size(); i++) {
			notifiers.add(new OpsgenieNotifier(new Integration(IntegrationKind.OPSGENIE, i), opsgenie.get(i), poster,
					json, timeout));
		}
		return List.copyOf(notifiers);
	}

	// Webhooks, Discord and Webex: the rendered payload POSTed as JSON to the config's
	// URL.
	private void addJsonPosts(List<Notifier> notifiers, IntegrationKind kind, List<WebhookConfig> configs) {
		for (int i = 0; i < configs.size(); i++) {
			notifiers.add(new WebhookNotifier(new Integration(kind, i), configs.get(i), poster, timeout));
		}
	}

	@Override
	public Optional<Notifier> find(String receiver, Integration integration) {
		return forReceiver(receiver).stream().filter((n) -> n.integration().equals(integration)).findFirst();
	}

	@Override
	public List<Notifier> forReceiver(String receiver) {
		Map<String, List<Notifier>> current = byReceiver.get();
		return (current != null) ? current.getOrDefault(receiver, List.of()) : List.of();
	}

	@Override
	public boolean loaded() {
		return byReceiver.get() != null;
	}

}
