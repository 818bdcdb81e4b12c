package io.zgw.alerts.notify;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.zgw.alerts.config.PushoverConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * PushoverPayload is the parameters of the message Alertmanager 0.25 sends Pushover, sent
 * as the query of an empty POST, without {@code token} and {@code user}, which the sender
 * adds so that the secrets are not stored with the message: the title cut to 250
 * characters, the message (HTML-escaped when {@code html} is set) cut to 1024 and
 * trimmed, {@code (no details)} when that leaves nothing, the URL cut to 512, the
 * priority rendered, {@code retry} and {@code expire} in whole seconds.
 *
 * @param parameters the parameters, sorted by name
 */
public record PushoverPayload(Map<String, String> parameters) {

	static final int MAX_TITLE = 250;

	static final int MAX_MESSAGE = 1024;

	static final int MAX_URL = 512;

	public PushoverPayload {
		parameters = new TreeMap<>(parameters);
	}

	/**
	 * Builds the parameters; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static PushoverPayload of(Notification notification, PushoverConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"pushover_configs", PushoverConfig.DEFAULTS, errors);
		Map<String, String> parameters = new TreeMap<>();
		parameters.put("title", Rendering.truncate(rendering.textOrEmpty(config.title(), "title"), MAX_TITLE));
		String message = config.html() ? rendering.html(config.message(), "message")
				: rendering.text(config.message(), "message");
		if (config.html()) {
			parameters.put("html", "1");
		}
		message = Rendering.truncate(Objects.requireNonNull(message), MAX_MESSAGE).strip();
		parameters.put("message", message.isEmpty() ? "(no details)" : message);
		parameters.put("url", Rendering.truncate(rendering.textOrEmpty(config.url(), "url"), MAX_URL));
		parameters.put("url_title", rendering.textOrEmpty(config.urlTitle(), "url_title"));
		parameters.put("priority", rendering.textOrEmpty(config.priority(), "priority"));
		parameters.put("retry", Long.toString(config.retry().toSeconds()));
		parameters.put("expire", Long.toString(config.expire().toSeconds()));
		parameters.put("sound", rendering.textOrEmpty(config.sound(), "sound"));
		return new PushoverPayload(parameters);
	}

}
