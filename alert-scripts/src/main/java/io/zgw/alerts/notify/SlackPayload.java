package io.zgw.alerts.notify;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;

/**
 * SlackPayload is the JSON body Alertmanager posts to a Slack incoming webhook: the
 * channel, sender name and icon, and one attachment with the rendered title (cut to 1024
 * characters with an ellipsis), link, pretext, text, fallback, color, fields, actions,
 * images and footer.
 *
 * @param channel channel override, omitted when empty
 * @param username sender name, omitted when empty
 * @param iconEmoji {@code icon_emoji}, omitted when empty
 * @param iconUrl {@code icon_url}, omitted when empty
 * @param linkNames {@code link_names}, omitted when false
 * @param attachments the single attachment
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SlackPayload(@Nullable String channel, @Nullable String username,
		@JsonProperty("icon_emoji") @Nullable String iconEmoji, @JsonProperty("icon_url") @Nullable String iconUrl,
		@JsonProperty("link_names") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean linkNames,
		List<Attachment> attachments) {

	// As Alertmanager: Slack takes titles of up to 1024 characters.
	private static final int MAX_TITLE = 1024;

	/**
	 * Builds the payload, rendering the config's templates; one that fails is reported to
	 * {@code errors} and rendered with Alertmanager's default (or the empty text)
	 * instead.
	 */
	public static SlackPayload of(Notification notification, SlackConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"slack_configs", SlackConfig.DEFAULTS, errors);
		List<Field> fields = new ArrayList<>();
		for (SlackConfig.Field field : config.fields()) {
			fields.add(new Field(rendering.textOrEmpty(field.title(), "fields.title"),
					rendering.textOrEmpty(field.value(), "fields.value"), field.isShort()));
		}
		List<Action> actions = new ArrayList<>();
		for (SlackConfig.Action action : config.actions()) {
			SlackConfig.Confirm confirm = action.confirm();
			actions.add(new Action(rendering.textOrEmpty(action.type(), "actions.type"),
					rendering.textOrEmpty(action.text(), "actions.text"),
					rendering.textOrEmpty(action.url(), "actions.url"),
					rendering.textOrEmpty(action.style(), "actions.style"),
					rendering.textOrEmpty(action.name(), "actions.name"),
					rendering.textOrEmpty(action.value(), "actions.value"),
					(confirm == null) ? null
							: new Confirm(rendering.textOrEmpty(confirm.text(), "actions.confirm.text"),
									rendering.textOrEmpty(confirm.title(), "actions.confirm.title"),
									rendering.textOrEmpty(confirm.okText(), "actions.confirm.ok_text"),
									rendering.textOrEmpty(confirm.dismissText(), "actions.confirm.dismiss_text"))));
		}
		Attachment attachment = new Attachment(
				Rendering.truncate(rendering.textOrEmpty(config.title(), "title"), MAX_TITLE),
				rendering.textOrEmpty(config.titleLink(), "title_link"),
				rendering.textOrEmpty(config.pretext(), "pretext"), rendering.textOrEmpty(config.text(), "text"),
				rendering.textOrEmpty(config.fallback(), "fallback"),
				rendering.textOrEmpty(config.callbackId(), "callback_id"), fields, actions,
				rendering.textOrEmpty(config.imageUrl(), "image_url"),
				rendering.textOrEmpty(config.thumbUrl(), "thumb_url"), rendering.textOrEmpty(config.footer(), "footer"),
				rendering.textOrEmpty(config.color(), "color"), config.mrkdwnIn());
		return new SlackPayload(rendering.textOrEmpty(config.channel(), "channel"),
				rendering.textOrEmpty(config.username(), "username"),
				rendering.textOrEmpty(config.iconEmoji(), "icon_emoji"),
				rendering.textOrEmpty(config.iconUrl(), "icon_url"), config.linkNames(), List.of(attachment));
	}

	/**
	 * Attachment is a Slack message attachment, with Alertmanager's fields: empty title,
	 * link, pretext, images and color are left out, as are no fields and no actions.
	 *
	 * @param title bold first line
	 * @param titleLink link behind the title
	 * @param pretext text above the attachment
	 * @param text body
	 * @param fallback plain-text summary for notifications
	 * @param callbackId {@code callback_id}
	 * @param fields {@code fields}
	 * @param actions {@code actions}
	 * @param imageUrl {@code image_url}
	 * @param thumbUrl {@code thumb_url}
	 * @param footer {@code footer}
	 * @param color "danger" while firing, "good" when resolved by default
	 * @param mrkdwnIn fields Slack renders as markdown
	 */
	public record Attachment(@JsonInclude(JsonInclude.Include.NON_EMPTY) String title,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("title_link") String titleLink,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String pretext, String text, String fallback,
			@JsonProperty("callback_id") String callbackId,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Field> fields,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Action> actions,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("image_url") String imageUrl,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("thumb_url") String thumbUrl, String footer,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String color,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("mrkdwn_in") List<String> mrkdwnIn) {
	}

	/**
	 * Field is an attachment field as sent.
	 *
	 * @param title {@code title}
	 * @param value {@code value}
	 * @param isShort {@code short}
	 */
	public record Field(@JsonInclude(JsonInclude.Include.NON_EMPTY) String title,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String value, @JsonProperty("short") boolean isShort) {
	}

	/**
	 * Action is an attachment action as sent; empty fields are left out.
	 *
	 * @param type {@code type}
	 * @param text {@code text}
	 * @param url {@code url}
	 * @param style {@code style}
	 * @param name {@code name}
	 * @param value {@code value}
	 * @param confirm {@code confirm}, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Action(String type, String text, String url, String style, String name, String value,
			@Nullable Confirm confirm) {
	}

	/**
	 * Confirm is an action's confirmation as sent; empty fields are left out.
	 *
	 * @param text {@code text}
	 * @param title {@code title}
	 * @param okText {@code ok_text}
	 * @param dismissText {@code dismiss_text}
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Confirm(String text, String title, @JsonProperty("ok_text") String okText,
			@JsonProperty("dismiss_text") String dismissText) {
	}

}
