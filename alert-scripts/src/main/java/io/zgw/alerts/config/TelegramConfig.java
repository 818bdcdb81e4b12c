package io.zgw.alerts.config;

import java.util.Map;
import java.util.Set;

import io.zgw.alerts.template.Template;

/**
 * TelegramConfig is a {@code telegram_configs} entry: a message a Telegram bot sends to
 * one chat through the Bot API's {@code sendMessage}.
 *
 * @param botToken {@code bot_token} or the content of {@code bot_token_file} (a secret:
 * it is part of the request path)
 * @param apiUrl {@code api_url} ({@code global.telegram_api_url} unless set)
 * @param chatId {@code chat_id}
 * @param message {@code message}, cut to 4096 characters; rendered with HTML escaping
 * when the parse mode is {@code HTML}
 * @param disableNotifications {@code disable_notifications}: a silent message
 * @param parseMode {@code parse_mode}: {@code HTML} (the default), {@code Markdown},
 * {@code MarkdownV2}, or empty for plain text
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record TelegramConfig(String botToken, String apiUrl, long chatId, Template message,
		boolean disableNotifications, String parseMode, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** The Bot API, Alertmanager's {@code global.telegram_api_url}. */
	public static final String DEFAULT_URL = "https://api.telegram.org";

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("message",
			"{{ template \"telegram.default.message\" . }}");

	/** The parse modes Alertmanager 0.25 accepts. */
	public static final Set<String> PARSE_MODES = Set.of("", "Markdown", "MarkdownV2", "HTML");

	@Override
	public String type() {
		return "telegram";
	}

	// The bot token is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "TelegramConfig[botToken=<secret>, apiUrl=" + this.apiUrl + ", chatId=" + this.chatId + ", parseMode="
				+ this.parseMode + ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

}
