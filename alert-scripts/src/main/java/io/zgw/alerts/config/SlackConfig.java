package io.zgw.alerts.config;

import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * SlackConfig is a {@code slack_configs} entry for an incoming webhook; its message
 * fields are templates, Alertmanager's defaults where the file sets none.
 *
 * @param apiUrl the incoming-webhook URL (its own or {@code global.slack_api_url})
 * @param channel {@code channel}, omitted from the message when it renders empty
 * @param username {@code username}
 * @param color {@code color}: "danger" while firing, "good" when resolved by default
 * @param title {@code title}
 * @param titleLink {@code title_link}
 * @param pretext {@code pretext}
 * @param text {@code text}
 * @param fallback {@code fallback}
 * @param sendResolved whether resolved alerts are sent (default false)
 * @param http what {@code http_config} asks for
 */
public record SlackConfig(String apiUrl, Template channel, Template username, Template color, Template title,
		Template titleLink, Template pretext, Template text, Template fallback, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/**
	 * Alertmanager 0.25's default of each templated field, by field name; a field whose
	 * template fails while rendering falls back to this.
	 */
	public static final Map<String, String> DEFAULTS = Map.of("channel", "", "username",
			"{{ template \"slack.default.username\" . }}", "color",
			"{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}", "title",
			"{{ template \"slack.default.title\" . }}", "title_link", "{{ template \"slack.default.titlelink\" . }}",
			"pretext", "{{ template \"slack.default.pretext\" . }}", "text", "{{ template \"slack.default.text\" . }}",
			"fallback", "{{ template \"slack.default.fallback\" . }}");

	@Override
	public String type() {
		return "slack";
	}

	@Override
	public String toString() {
		return "SlackConfig[apiUrl=<secret>, channel=" + this.channel + ", sendResolved=" + this.sendResolved + "]";
	}

}
