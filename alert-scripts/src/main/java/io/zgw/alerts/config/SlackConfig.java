package io.zgw.alerts.config;

import java.util.List;
import java.util.Map;

import io.zgw.alerts.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * SlackConfig is a {@code slack_configs} entry for an incoming webhook; its message
 * fields are templates, Alertmanager's defaults where the file sets none.
 *
 * @param apiUrl the incoming-webhook URL (its own or {@code global.slack_api_url})
 * @param channel {@code channel}, omitted from the message when it renders empty
 * @param username {@code username}
 * @param iconEmoji {@code icon_emoji}
 * @param iconUrl {@code icon_url}
 * @param linkNames {@code link_names}
 * @param color {@code color}: "danger" while firing, "good" when resolved by default
 * @param title {@code title}
 * @param titleLink {@code title_link}
 * @param pretext {@code pretext}
 * @param text {@code text}
 * @param fallback {@code fallback}
 * @param callbackId {@code callback_id}
 * @param footer {@code footer}
 * @param imageUrl {@code image_url}
 * @param thumbUrl {@code thumb_url}
 * @param mrkdwnIn {@code mrkdwn_in}: fallback, pretext and text unless set
 * @param fields {@code fields}, in file order
 * @param actions {@code actions}, in file order
 * @param sendResolved whether resolved alerts are sent (default false)
 * @param http what {@code http_config} asks for
 */
public record SlackConfig(String apiUrl, Template channel, Template username, Template iconEmoji, Template iconUrl,
		boolean linkNames, Template color, Template title, Template titleLink, Template pretext, Template text,
		Template fallback, Template callbackId, Template footer, Template imageUrl, Template thumbUrl,
		List<String> mrkdwnIn, List<Field> fields, List<Action> actions, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** The attachment fields Slack renders as markdown unless {@code mrkdwn_in} says. */
	public static final List<String> DEFAULT_MRKDWN_IN = List.of("fallback", "pretext", "text");

	/**
	 * Alertmanager 0.25's default of each templated field, by field name; a field whose
	 * template fails while rendering falls back to this.
	 */
	public static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("channel", ""),
			Map.entry("username", "{{ template \"slack.default.username\" . }}"),
			Map.entry("color", "{{ if eq .Status \"firing\" }}danger{{ else }}good{{ end }}"),
			Map.entry("title", "{{ template \"slack.default.title\" . }}"),
			Map.entry("title_link", "{{ template \"slack.default.titlelink\" . }}"),
			Map.entry("pretext", "{{ template \"slack.default.pretext\" . }}"),
			Map.entry("text", "{{ template \"slack.default.text\" . }}"),
			Map.entry("fallback", "{{ template \"slack.default.fallback\" . }}"),
			Map.entry("icon_emoji", "{{ template \"slack.default.iconemoji\" . }}"),
			Map.entry("icon_url", "{{ template \"slack.default.iconurl\" . }}"),
			Map.entry("callback_id", "{{ template \"slack.default.callbackid\" . }}"),
			Map.entry("footer", "{{ template \"slack.default.footer\" . }}"));

	public SlackConfig {
		mrkdwnIn = List.copyOf(mrkdwnIn);
		fields = List.copyOf(fields);
		actions = List.copyOf(actions);
	}

	@Override
	public String type() {
		return "slack";
	}

	@Override
	public String toString() {
		return "SlackConfig[apiUrl=<secret>, channel=" + this.channel + ", sendResolved=" + this.sendResolved + "]";
	}

	/**
	 * Field is a {@code fields} entry.
	 *
	 * @param title {@code title}
	 * @param value {@code value}
	 * @param isShort {@code short}, else the entry's {@code short_fields}
	 */
	public record Field(Template title, Template value, boolean isShort) {
	}

	/**
	 * Action is an {@code actions} entry: a button linking to {@code url}, or (without a
	 * URL) a message action with {@code name}, {@code value} and an optional
	 * confirmation.
	 *
	 * @param type {@code type}
	 * @param text {@code text}
	 * @param url {@code url}
	 * @param style {@code style}
	 * @param name {@code name}
	 * @param value {@code value}
	 * @param confirm {@code confirm}, or null
	 */
	public record Action(Template type, Template text, Template url, Template style, Template name, Template value,
			@Nullable Confirm confirm) {
	}

	/**
	 * Confirm is an action's {@code confirm}.
	 *
	 * @param text {@code text}
	 * @param title {@code title}
	 * @param okText {@code ok_text}
	 * @param dismissText {@code dismiss_text}
	 */
	public record Confirm(Template text, Template title, Template okText, Template dismissText) {
	}

}
