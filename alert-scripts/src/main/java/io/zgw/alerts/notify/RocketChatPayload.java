package io.zgw.alerts.notify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.config.RocketChatConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * RocketChatPayload is the {@code chat.postMessage} body Alertmanager 0.28 posts for a
 * {@code rocketchat_configs} entry: channel, emoji and avatar when they render non-empty,
 * and exactly one attachment. The token and user id are headers the sender adds, so they
 * are not stored with the message.
 *
 * @param channel {@code channel}
 * @param emoji {@code emoji}
 * @param avatar {@code avatar}: the rendered {@code icon_url}
 * @param attachments the one attachment
 */
@JsonPropertyOrder({ "channel", "emoji", "avatar", "attachments" })
public record RocketChatPayload(@JsonInclude(JsonInclude.Include.NON_EMPTY) String channel,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String emoji,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String avatar, List<Attachment> attachments) {

	private static final int MAX_TITLE = 1024;

	/**
	 * Builds the body; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead (the empty text for fields and actions).
	 */
	public static RocketChatPayload of(Notification notification, RocketChatConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"rocketchat_configs", RocketChatConfig.DEFAULTS, errors);
		List<Field> fields = config.fields()
			.stream()
			.map((field) -> new Field(field.isShort(), rendering.textOrEmpty(field.title(), "fields.title"),
					rendering.textOrEmpty(field.value(), "fields.value")))
			.toList();
		List<Action> actions = config.actions()
			.stream()
			.map((action) -> new Action("button", rendering.textOrEmpty(action.text(), "actions.text"),
					rendering.textOrEmpty(action.url(), "actions.url"), false,
					rendering.textOrEmpty(action.msg(), "actions.msg"), false))
			.toList();
		Attachment attachment = new Attachment(
				Rendering.truncate(rendering.textOrEmpty(config.title(), "title"), MAX_TITLE),
				rendering.textOrEmpty(config.titleLink(), "title_link"), rendering.textOrEmpty(config.text(), "text"),
				rendering.textOrEmpty(config.imageUrl(), "image_url"),
				rendering.textOrEmpty(config.thumbUrl(), "thumb_url"), rendering.textOrEmpty(config.color(), "color"),
				fields, actions);
		return new RocketChatPayload(rendering.textOrEmpty(config.channel(), "channel"),
				rendering.textOrEmpty(config.emoji(), "emoji"), rendering.textOrEmpty(config.iconUrl(), "icon_url"),
				List.of(attachment));
	}

	/**
	 * Attachment is the message's attachment; empty values are left out.
	 *
	 * @param title {@code title}, cut to 1024 characters
	 * @param titleLink {@code title_link}
	 * @param text {@code text}
	 * @param imageUrl {@code image_url}
	 * @param thumbUrl {@code thumb_url}
	 * @param color {@code color}
	 * @param fields {@code fields}
	 * @param actions {@code actions}
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "title", "title_link", "text", "image_url", "thumb_url", "color", "fields", "actions" })
	public record Attachment(String title, @JsonProperty("title_link") String titleLink, String text,
			@JsonProperty("image_url") String imageUrl, @JsonProperty("thumb_url") String thumbUrl, String color,
			List<Field> fields, List<Action> actions) {
	}

	/**
	 * Field is an attachment field; {@code short} is always sent.
	 *
	 * @param isShort {@code short}
	 * @param title {@code title}, left out when empty
	 * @param value {@code value}, left out when empty
	 */
	@JsonPropertyOrder({ "short", "title", "value" })
	public record Field(@JsonProperty("short") boolean isShort,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String title,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String value) {
	}

	/**
	 * Action is a button; as Alertmanager, the two flags are always sent, false.
	 *
	 * @param type {@code type}: {@code button}
	 * @param text {@code text}, left out when empty
	 * @param url {@code url}, left out when empty
	 * @param isWebview {@code is_webview}
	 * @param msg {@code msg}, left out when empty
	 * @param msgInChatWindow {@code msg_in_chat_window}
	 */
	@JsonPropertyOrder({ "type", "text", "url", "is_webview", "msg", "msg_in_chat_window" })
	public record Action(String type, @JsonInclude(JsonInclude.Include.NON_EMPTY) String text,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String url, @JsonProperty("is_webview") boolean isWebview,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String msg,
			@JsonProperty("msg_in_chat_window") boolean msgInChatWindow) {
	}

}
