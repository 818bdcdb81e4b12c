package io.zgw.gateway.notify;

import java.util.List;

import io.zgw.gateway.notify.email.EmailConfig;
import io.zgw.gateway.notify.slack.SlackConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * Receiver is one entry of Alertmanager's {@code receivers}: a name and its integrations
 * by kind; the index of a config in its list is the {@link Integration#index()}.
 *
 * @param name {@code name}
 * @param webhookConfigs {@code webhook_configs}
 * @param slackConfigs {@code slack_configs}
 * @param emailConfigs {@code email_configs}
 */
public record Receiver(String name, List<WebhookConfig> webhookConfigs, List<SlackConfig> slackConfigs,
		List<EmailConfig> emailConfigs) {

	public Receiver {
		if (name.isBlank()) {
			throw new IllegalArgumentException("receivers.name must not be blank");
		}
		webhookConfigs = List.copyOf(webhookConfigs);
		slackConfigs = List.copyOf(slackConfigs);
		emailConfigs = List.copyOf(emailConfigs);
	}

}
