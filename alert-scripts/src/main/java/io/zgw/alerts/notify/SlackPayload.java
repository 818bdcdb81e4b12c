package io.zgw.alerts.notify;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.SlackConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;

/**
 * SlackPayload is the JSON body Alertmanager posts to a Slack incoming webhook: one
 * attachment with title, link, text and a color by status.
 *
 * @param channel channel override, omitted when null
 * @param username sender name
 * @param attachments the single attachment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackPayload(@Nullable String channel, String username, List<Attachment> attachments) {

	/**
	 * Builds the payload; {@code title} and {@code text} are rendered with
	 * {@link TemplateData#render}, and default to Alertmanager's title and a plain list
	 * of the alerts.
	 */
	public static SlackPayload of(Notification notification, SlackConfig config, String externalUrl) {
		TemplateData data = new TemplateData(notification, externalUrl);
		String title = (config.title() != null) ? data.render(config.title()) : data.defaultTitle();
		String text = (config.text() != null) ? data.render(config.text()) : data.defaultText();
		String color = "firing".equals(notification.status()) ? "danger" : "good";
		Attachment attachment = new Attachment(title, data.alertsLink(), text, title + " | " + data.alertsLink(), color,
				List.of("fallback", "pretext", "text"));
		String username = (config.username() != null) ? data.render(config.username()) : "Alertmanager";
		return new SlackPayload(config.channel(), username, List.of(attachment));
	}

	/**
	 * Attachment is a Slack message attachment.
	 *
	 * @param title bold first line
	 * @param titleLink link behind the title
	 * @param text body
	 * @param fallback plain-text summary for notifications
	 * @param color "danger" while firing, "good" when resolved
	 * @param mrkdwnIn fields Slack renders as markdown
	 */
	public record Attachment(String title, @JsonProperty("title_link") String titleLink, String text, String fallback,
			String color, @JsonProperty("mrkdwn_in") List<String> mrkdwnIn) {
	}

}
