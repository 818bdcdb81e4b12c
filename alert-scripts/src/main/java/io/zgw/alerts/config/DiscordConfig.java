package io.zgw.alerts.config;

import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * DiscordConfig is a {@code discord_configs} entry: one embed posted to a Discord
 * webhook; its text fields are templates, Alertmanager's defaults where the file sets
 * none.
 *
 * @param webhookUrl {@code webhook_url} (a secret: it carries the webhook's token)
 * @param title {@code title}, cut to 256 characters
 * @param message {@code message}, cut to 4096 characters
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record DiscordConfig(String webhookUrl, Template title, Template message, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("title", "{{ template \"discord.default.title\" . }}",
			"message", "{{ template \"discord.default.message\" . }}");

	@Override
	public String type() {
		return "discord";
	}

	@Override
	public String toString() {
		return "DiscordConfig[webhookUrl=<secret>, sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

}
