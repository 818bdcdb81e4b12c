package io.zgw.alerts.notify;

import java.util.List;
import java.util.Objects;

import io.zgw.alerts.config.DiscordConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * DiscordPayload is the body Alertmanager 0.25 posts to a Discord webhook: no content and
 * one embed with the rendered title (cut to 256 characters) and message (cut to 4096),
 * red while any alert fires, green when all are resolved.
 *
 * @param content {@code content}: always empty, as Alertmanager's
 * @param embeds the single embed
 */
public record DiscordPayload(String content, List<Embed> embeds) {

	static final int RED = 0x992D22;

	static final int GREEN = 0x2ECC71;

	private static final int MAX_TITLE = 256;

	private static final int MAX_DESCRIPTION = 4096;

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static DiscordPayload of(Notification notification, DiscordConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"discord_configs", DiscordConfig.DEFAULTS, errors);
		String title = Objects.requireNonNull(rendering.text(config.title(), "title"));
		String message = Objects.requireNonNull(rendering.text(config.message(), "message"));
		return new DiscordPayload("", List.of(new Embed(Rendering.truncate(title, MAX_TITLE),
				Rendering.truncate(message, MAX_DESCRIPTION), notification.firing().isEmpty() ? GREEN : RED)));
	}

	/**
	 * Embed is the message's embed.
	 *
	 * @param title {@code title}
	 * @param description {@code description}
	 * @param color {@code color}, as an RGB integer
	 */
	public record Embed(String title, String description, int color) {
	}

}
