package io.zgw.alerts.config;

import org.jspecify.annotations.Nullable;

/**
 * SlackConfig is a {@code slack_configs} entry for an incoming webhook.
 *
 * @param apiUrl the incoming-webhook URL
 * @param channel channel override, or null
 * @param username user name override, or null
 * @param title attachment title template, or null for the default
 * @param text attachment text template, or null for the default
 * @param sendResolved whether resolved alerts are sent (default false)
 */
public record SlackConfig(@Nullable String apiUrl, @Nullable String channel, @Nullable String username,
		@Nullable String title, @Nullable String text, boolean sendResolved) implements Integration {

	@Override
	public String type() {
		return "slack";
	}

	@Override
	public String toString() {
		return "SlackConfig[apiUrl=<secret>, channel=" + this.channel + ", sendResolved=" + this.sendResolved + "]";
	}

}
