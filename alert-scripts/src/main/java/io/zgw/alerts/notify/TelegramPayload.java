package io.zgw.alerts.notify;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.TelegramConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * TelegramPayload is the {@code sendMessage} body Alertmanager 0.25 posts to the Bot API
 * (through telebot): every value a string, web page previews always off, the parse mode
 * only when one is set, the message cut to 4096 characters. The bot token belongs to the
 * URL, which the sender builds, so it is not stored with the message.
 *
 * @param chatId {@code chat_id}
 * @param disableNotification {@code disable_notification}: {@code true} for a silent
 * message, else left out
 * @param disableWebPagePreview {@code disable_web_page_preview}: always {@code true}
 * @param parseMode {@code parse_mode}, left out when empty
 * @param text {@code text}
 */
public record TelegramPayload(@JsonProperty("chat_id") String chatId,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("disable_notification") String disableNotification,
		@JsonProperty("disable_web_page_preview") String disableWebPagePreview,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("parse_mode") String parseMode, String text) {

	private static final int MAX_TEXT = 4096;

	/**
	 * Builds the body; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead.
	 */
	public static TelegramPayload of(Notification notification, TelegramConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"telegram_configs", TelegramConfig.DEFAULTS, errors);
		String text = "HTML".equals(config.parseMode()) ? rendering.html(config.message(), "message")
				: rendering.text(config.message(), "message");
		return new TelegramPayload(Long.toString(config.chatId()), config.disableNotifications() ? "true" : "", "true",
				config.parseMode(), Rendering.truncate(Objects.requireNonNull(text), MAX_TEXT));
	}

}
