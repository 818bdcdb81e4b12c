package io.zgw.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zgw.alerts.config.WebexConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * WebexPayload is the body Alertmanager 0.25 posts to Webex's messages API: the rendered
 * message as markdown, cut to Webex's 7,439 bytes, and the room.
 *
 * @param markdown {@code markdown}
 * @param roomId {@code roomId}, omitted when empty
 */
public record WebexPayload(String markdown, @JsonInclude(JsonInclude.Include.NON_EMPTY) String roomId) {

	static final int MAX_MESSAGE_BYTES = 7439;

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static WebexPayload of(Notification notification, WebexConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"webex_configs", WebexConfig.DEFAULTS, errors);
		String message = Objects.requireNonNull(rendering.text(config.message(), "message"));
		return new WebexPayload(truncateBytes(message, MAX_MESSAGE_BYTES), config.roomId());
	}

	// As Alertmanager's notify.TruncateInBytes: whole characters only, the last three
	// bytes an ellipsis.
	static String truncateBytes(String text, int maxBytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		String ellipsis = "\u2026";
		int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
		int end = 0;
		int used = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			used += size;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end) + ellipsis;
	}

}
