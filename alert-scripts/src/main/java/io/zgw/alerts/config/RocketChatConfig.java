package io.zgw.alerts.config;

import java.util.List;
import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * RocketChatConfig is a {@code rocketchat_configs} entry (Alertmanager 0.28): one message
 * with one attachment, posted to Rocket.Chat's {@code chat.postMessage} as a user or bot
 * whose personal access token it carries. Its text fields are templates, Alertmanager's
 * defaults where the file sets none.
 *
 * @param apiUrl {@code api_url} ({@code global.rocketchat_api_url} unless set)
 * @param token {@code token} or the content of {@code token_file}
 * ({@code global.rocketchat_token} unless either is set): the {@code X-Auth-Token}
 * @param tokenId {@code token_id} or the content of {@code token_id_file}
 * ({@code global.rocketchat_token_id} unless either is set): the {@code X-User-Id}
 * @param channel {@code channel}: a room ({@code #ops}) or a user ({@code @ana}), the
 * token's default when it renders empty
 * @param color {@code color}: red while firing, green when resolved by default
 * @param title {@code title}, cut to 1024 characters
 * @param titleLink {@code title_link}
 * @param text {@code text}: the attachment's text
 * @param fields {@code fields}, in file order
 * @param emoji {@code emoji}
 * @param iconUrl {@code icon_url}: sent as the message's {@code avatar}
 * @param imageUrl {@code image_url}
 * @param thumbUrl {@code thumb_url}
 * @param actions {@code actions}: buttons, in file order
 * @param sendResolved whether resolved alerts are sent (default false, as Alertmanager)
 * @param http what {@code http_config} asks for
 */
public record RocketChatConfig(String apiUrl, String token, String tokenId, Template channel, Template color,
		Template title, Template titleLink, Template text, List<Field> fields, Template emoji, Template iconUrl,
		Template imageUrl, Template thumbUrl, List<Action> actions, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** Rocket.Chat's open server, Alertmanager's {@code global.rocketchat_api_url}. */
	public static final String DEFAULT_URL = "https://open.rocket.chat/";

	/** Alertmanager 0.28's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("channel", "", "color",
			"{{ if eq .Status \"firing\" }}red{{ else }}green{{ end }}", "title",
			"{{ template \"rocketchat.default.title\" . }}", "title_link",
			"{{ template \"rocketchat.default.titlelink\" . }}", "text", "{{ template \"rocketchat.default.text\" . }}",
			"emoji", "{{ template \"rocketchat.default.emoji\" . }}", "icon_url",
			"{{ template \"rocketchat.default.iconurl\" . }}", "image_url", "", "thumb_url", "");

	public RocketChatConfig {
		fields = List.copyOf(fields);
		actions = List.copyOf(actions);
	}

	@Override
	public String type() {
		return "rocketchat";
	}

	// The token and the user id it belongs to are secrets in Alertmanager.
	@Override
	public String toString() {
		return "RocketChatConfig[apiUrl=" + this.apiUrl + ", token=<secret>, tokenId=<secret>, channel=" + this.channel
				+ ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
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
	 * Action is an {@code actions} entry: always a button ({@code type} is ignored, as in
	 * Alertmanager).
	 *
	 * @param text {@code text}
	 * @param url {@code url}
	 * @param msg {@code msg}: sent to the room when the button is pressed
	 */
	public record Action(Template text, Template url, Template msg) {
	}

}
