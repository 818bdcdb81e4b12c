package io.zgw.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.zgw.gateway.notify.email.EmailNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import io.zgw.gateway.notify.jira.JiraNotifier;
import io.zgw.gateway.notify.opsgenie.OpsgenieNotifier;
import io.zgw.gateway.notify.pagerduty.PagerDutyNotifier;
import io.zgw.gateway.notify.pushover.PushoverNotifier;
import io.zgw.gateway.notify.rocketchat.RocketChatNotifier;
import io.zgw.gateway.notify.telegram.TelegramNotifier;
import io.zgw.gateway.notify.victorops.VictorOpsNotifier;
import io.zgw.gateway.notify.slack.SlackNotifier;
import io.zgw.gateway.notify.sns.SnsNotifier;
import io.zgw.gateway.notify.webhook.WebhookConfig;
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
		// Webhooks, Discord, Webex, Teams and incident.io: the rendered payload POSTed
		// as JSON to the config's URL.
		add(notifiers, IntegrationKind.WEBHOOK, receiver.webhookConfigs(), this::webhook);
		add(notifiers, IntegrationKind.DISCORD, receiver.discordConfigs(), this::webhook);
		add(notifiers, IntegrationKind.WEBEX, receiver.webexConfigs(), this::webhook);
		add(notifiers, IntegrationKind.MSTEAMS, receiver.msTeamsConfigs(), this::webhook);
		add(notifiers, IntegrationKind.MSTEAMSV2, receiver.msTeamsV2Configs(), this::webhook);
		add(notifiers, IntegrationKind.INCIDENTIO, receiver.incidentioConfigs(), this::webhook);
		add(notifiers, IntegrationKind.SLACK, receiver.slackConfigs(),
				(integration, config) -> new SlackNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.EMAIL, receiver.emailConfigs(),
				(integration, config) -> new EmailNotifier(integration, config, json, timeout));
		add(notifiers, IntegrationKind.PAGERDUTY, receiver.pagerdutyConfigs(),
				(integration, config) -> new PagerDutyNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.VICTOROPS, receiver.victorOpsConfigs(),
				(integration, config) -> new VictorOpsNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.TELEGRAM, receiver.telegramConfigs(),
				(integration, config) -> new TelegramNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.WECHAT, receiver.wechatConfigs(), (integration,
				config) -> new WechatNotifier(integration, config, poster, json, timeout, Clock.systemUTC()));
		add(notifiers, IntegrationKind.SNS, receiver.snsConfigs(), (integration, config) -> new SnsNotifier(integration,
				config, poster, json, timeout, Clock.systemUTC()));
		add(notifiers, IntegrationKind.PUSHOVER, receiver.pushoverConfigs(),
				(integration, config) -> new PushoverNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.ROCKETCHAT, receiver.rocketChatConfigs(),
				(integration, config) -> new RocketChatNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.JIRA, receiver.jiraConfigs(),
				(integration, config) -> new JiraNotifier(integration, config, poster, json, timeout));
		add(notifiers, IntegrationKind.OPSGENIE, receiver.opsgenieConfigs(),
				(integration, config) -> new OpsgenieNotifier(integration, config, poster, json, timeout));
		return List.copyOf(notifiers);
	}

	// The index of a config in its list is its integration's index.
	private static <C> void add(List<Notifier> notifiers, IntegrationKind kind, List<C> configs,
			BiFunction<Integration, C, Notifier> notifier) {
		for (int i = 0; i < configs.size(); i++) {
			notifiers.add(notifier.apply(new Integration(kind, i), configs.get(i)));
		}
	}

	private Notifier webhook(Integration integration, WebhookConfig config) {
		return new WebhookNotifier(integration, config, poster, timeout);
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
