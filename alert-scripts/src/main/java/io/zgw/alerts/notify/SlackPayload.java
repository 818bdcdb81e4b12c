package io.zgw.alerts.notify;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * SlackPayload is the JSON body Alertmanager posts to a Slack incoming webhook: one
 * attachment with the rendered title (cut to 1024 characters with an ellipsis), link,
 * pretext, text, fallback and color.
 *
 * @param channel channel override, omitted when empty
 * @param username sender name, omitted when empty
 * @param attachments the single attachment
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SlackPayload(@Nullable String channel, @Nullable String username, List<Attachment> attachments) {

	// As Alertmanager: Slack takes titles of up to 1024 characters.
	private static final int MAX_TITLE = 1024;

	/**
	 * Builds the payload, rendering the config's templates; one that fails is reported to
	 * {@code errors} and rendered with Alertmanager's default instead.
	 */
	public static SlackPayload of(Notification notification, SlackConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"slack_configs", SlackConfig.DEFAULTS, errors);
		Attachment attachment = new Attachment(Rendering.truncate(text(rendering, config.title(), "title"), MAX_TITLE),
				text(rendering, config.titleLink(), "title_link"), text(rendering, config.pretext(), "pretext"),
				text(rendering, config.text(), "text"), text(rendering, config.fallback(), "fallback"),
				text(rendering, config.color(), "color"), List.of("fallback", "pretext", "text"));
		return new SlackPayload(text(rendering, config.channel(), "channel"),
				text(rendering, config.username(), "username"), List.of(attachment));
	}

	// Every Slack field has a default, so rendering always gives text.
	private static String text(Rendering rendering, Template template, String field) {
		return Objects.requireNonNull(rendering.text(template, field));
	}

	/**
	 * Attachment is a Slack message attachment; as Alertmanager's, empty title, link,
	 * pretext and color are left out.
	 *
	 * @param title bold first line
	 * @param titleLink link behind the title
	 * @param pretext text above the attachment
	 * @param text body
	 * @param fallback plain-text summary for notifications
	 * @param color "danger" while firing, "good" when resolved by default
	 * @param mrkdwnIn fields Slack renders as markdown
	 */
	public record Attachment(@JsonInclude(JsonInclude.Include.NON_EMPTY) String title,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("title_link") String titleLink,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String pretext, String text, String fallback,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String color,
			@JsonProperty("mrkdwn_in") List<String> mrkdwnIn) {
	}

}
