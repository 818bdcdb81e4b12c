package io.zgw.alerts.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.template.Template;
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
			fields.add(new Field(text(rendering, field.title(), "fields.title"),
					text(rendering, field.value(), "fields.value"), field.isShort()));
		}
		List<Action> actions = new ArrayList<>();
		for (SlackConfig.Action action : config.actions()) {
			SlackConfig.Confirm confirm = action.confirm();
			actions.add(new Action(text(rendering, action.type(), "actions.type"),
					text(rendering, action.text(), "actions.text"), text(rendering, action.url(), "actions.url"),
					text(rendering, action.style(), "actions.style"), text(rendering, action.name(), "actions.name"),
					text(rendering, action.value(), "actions.value"),
					(confirm == null) ? null
							: new Confirm(text(rendering, confirm.text(), "actions.confirm.text"),
									text(rendering, confirm.title(), "actions.confirm.title"),
									text(rendering, confirm.okText(), "actions.confirm.ok_text"),
									text(rendering, confirm.dismissText(), "actions.confirm.dismiss_text"))));
		}
		Attachment attachment = new Attachment(Rendering.truncate(text(rendering, config.title(), "title"), MAX_TITLE),
				text(rendering, config.titleLink(), "title_link"), text(rendering, config.pretext(), "pretext"),
				text(rendering, config.text(), "text"), text(rendering, config.fallback(), "fallback"),
				text(rendering, config.callbackId(), "callback_id"), fields, actions,
				text(rendering, config.imageUrl(), "image_url"), text(rendering, config.thumbUrl(), "thumb_url"),
				text(rendering, config.footer(), "footer"), text(rendering, config.color(), "color"),
				config.mrkdwnIn());
		return new SlackPayload(text(rendering, config.channel(), "channel"),
				text(rendering, config.username(), "username"), text(rendering, config.iconEmoji(), "icon_emoji"),
				text(rendering, config.iconUrl(), "icon_url"), config.linkNames(), List.of(attachment));
	}

	// Fields without a default of their own fall back to the empty text.
	private static String text(Rendering rendering, Template template, String field) {
		return Objects.requireNonNullElse(rendering.text(template, field), "");
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
