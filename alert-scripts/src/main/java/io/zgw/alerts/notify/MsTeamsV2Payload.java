package io.zgw.alerts.notify;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.config.MsTeamsConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;

/**
 * MsTeamsV2Payload is the message Alertmanager 0.28 posts for an
 * {@code msteamsv2_configs} entry (a Power Automate workflow's webhook): one Adaptive
 * Card 1.2, full width, holding the rendered title as a heading, coloured "Attention"
 * while any alert fires and "Good" when all are resolved, and the rendered text.
 *
 * @param type {@code type}: {@code message}
 * @param attachments the single card
 */
public record MsTeamsV2Payload(String type, List<Attachment> attachments) {

	static final String ATTENTION = "Attention";

	static final String GOOD = "Good";

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static MsTeamsV2Payload of(Notification notification, MsTeamsConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"msteamsv2_configs", config.defaults(), errors);
		String title = Objects.requireNonNull(rendering.text(config.title(), "title"));
		String text = Objects.requireNonNull(rendering.text(config.text(), "text"));
		String color = notification.firing().isEmpty() ? GOOD : ATTENTION;
		Card card = new Card("http://adaptivecards.io/schemas/adaptive-card.json", "AdaptiveCard", "1.2",
				List.of(new TextBlock("TextBlock", title, "Bolder", "Medium", true, "heading", color),
						new TextBlock("TextBlock", text, null, null, true, null, null)),
				new Width("full"));
		return new MsTeamsV2Payload("message",
				List.of(new Attachment("application/vnd.microsoft.card.adaptive", null, card)));
	}

	/**
	 * Attachment holds the card.
	 *
	 * @param contentType {@code contentType}:
	 * {@code application/vnd.microsoft.card.adaptive}
	 * @param contentUrl {@code contentUrl}: always {@code null}, sent as such
	 * @param content the card
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Attachment(String contentType, @Nullable String contentUrl, Card content) {
	}

	/**
	 * Card is the Adaptive Card.
	 *
	 * @param schema {@code $schema}
	 * @param type {@code type}: {@code AdaptiveCard}
	 * @param version {@code version}: {@code 1.2}
	 * @param body the title and text blocks
	 * @param msteams {@code msteams}: the card's width
	 */
	@JsonPropertyOrder({ "$schema", "type", "version", "body", "msteams" })
	public record Card(@JsonProperty("$schema") String schema, String type, String version, List<TextBlock> body,
			Width msteams) {
	}

	/**
	 * TextBlock is one block of the card's body; unset styling is left out.
	 *
	 * @param type {@code type}: {@code TextBlock}
	 * @param text {@code text}
	 * @param weight {@code weight}
	 * @param size {@code size}
	 * @param wrap {@code wrap}
	 * @param style {@code style}
	 * @param color {@code color}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TextBlock(String type, String text, @Nullable String weight, @Nullable String size, boolean wrap,
			@Nullable String style, @Nullable String color) {
	}

	/**
	 * Width is the card's Teams-specific width.
	 *
	 * @param width {@code width}: {@code full}
	 */
	public record Width(String width) {
	}

}
