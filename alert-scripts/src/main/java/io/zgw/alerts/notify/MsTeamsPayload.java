package io.zgw.alerts.notify;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.config.MsTeamsConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * MsTeamsPayload is the MessageCard Alertmanager 0.26 posts for an
 * {@code msteams_configs} entry: the rendered title, summary and text, and a theme colour
 * that is red while any alert fires and green when all are resolved.
 *
 * @param context {@code @context}: {@code http://schema.org/extensions}
 * @param type {@code type}: {@code MessageCard}
 * @param title {@code title}
 * @param summary {@code summary}
 * @param text {@code text}, Markdown
 * @param themeColor {@code themeColor}, an RGB hex colour
 */
@JsonPropertyOrder({ "@context", "type", "title", "summary", "text", "themeColor" })
public record MsTeamsPayload(@JsonProperty("@context") String context, String type, String title, String summary,
		String text, String themeColor) {

	static final String RED = "8C1A1A";

	static final String GREEN = "2DC72D";

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static MsTeamsPayload of(Notification notification, MsTeamsConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"msteams_configs", config.defaults(), errors);
		return new MsTeamsPayload("http://schema.org/extensions", "MessageCard",
				Objects.requireNonNull(rendering.text(config.title(), "title")),
				Objects.requireNonNull(rendering.text(Objects.requireNonNull(config.summary()), "summary")),
				Objects.requireNonNull(rendering.text(config.text(), "text")),
				notification.firing().isEmpty() ? GREEN : RED);
	}

}
