package io.zgw.alerts.config;

import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * WebexConfig is a {@code webex_configs} entry: a markdown message posted to a Webex
 * room, authenticated by the entry's {@code http_config.authorization} (the bot token).
 *
 * @param apiUrl {@code api_url} ({@code global.webex_api_url} unless set)
 * @param roomId {@code room_id}, sent as written (Alertmanager 0.25 does not template it)
 * @param message {@code message}
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for, with an {@code authorization}
 */
public record WebexConfig(String apiUrl, String roomId, Template message, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** Webex's messages API, Alertmanager's {@code global.webex_api_url}. */
	public static final String DEFAULT_URL = "https://webexapis.com/v1/messages";

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("message", "{{ template \"webex.default.message\" . }}");

	@Override
	public String type() {
		return "webex";
	}

}
