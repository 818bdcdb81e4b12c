package io.zgw.alerts.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.PagerdutyConfig;
import io.zgw.alerts.dispatch.Notification;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDutyPayload is the Events API v2 event Alertmanager 0.25 sends for a notification,
 * without its {@code routing_key}, which the sender adds so that the key is not stored
 * with the event: {@code trigger} while any alert fires, else {@code resolve}; the dedup
 * key is the SHA-256 of the group key, so one group is one PagerDuty incident.
 *
 * @param dedupKey {@code dedup_key}: hex SHA-256 of the group key
 * @param eventAction {@code event_action}: {@code trigger} or {@code resolve}
 * @param payload {@code payload}
 * @param client {@code client}, omitted when empty
 * @param clientUrl {@code client_url}, omitted when empty
 * @param images {@code images} whose {@code src} rendered non-empty
 * @param links {@code links} whose {@code href} rendered non-empty
 */
public record PagerDutyPayload(@JsonProperty("dedup_key") String dedupKey,
		@JsonProperty("event_action") String eventAction, Payload payload,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String client,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("client_url") String clientUrl,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Image> images,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Link> links) {

	/** PagerDuty refuses events larger than this many bytes. */
	static final int MAX_EVENT_BYTES = 512_000;

	/** The only custom detail of an event that was too large with its own. */
	static final String DETAILS_REMOVED = "Custom details have been removed because the original event exceeds "
			+ "the maximum size of 512KB";

	private static final int MAX_SUMMARY = 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Builds the event, rendering the config's templates; one that fails is reported to
	 * {@code errors} and rendered with Alertmanager's default instead. As Alertmanager,
	 * custom details that would make the event too large for PagerDuty are replaced by a
	 * note saying so.
	 */
	public static PagerDutyPayload of(Notification notification, PagerdutyConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = rendering(notification, externalUrl, errors);
		Map<String, String> details = details(config, rendering);
		Payload payload = new Payload(
				Rendering.truncate(rendering.textOrEmpty(config.description(), "description"), MAX_SUMMARY),
				rendering.textOrEmpty(config.source(), "client"), rendering.textOrEmpty(config.severity(), "severity"),
				rendering.textOrEmpty(config.eventClass(), "class"),
				rendering.textOrEmpty(config.component(), "component"), rendering.textOrEmpty(config.group(), "group"),
				details);
		List<Image> images = new ArrayList<>();
		for (PagerdutyConfig.Image image : config.images()) {
			String src = rendering.textOrEmpty(image.src(), "images.src");
			if (!src.isEmpty()) {
				images.add(new Image(src, rendering.textOrEmpty(image.alt(), "images.alt"),
						rendering.textOrEmpty(image.href(), "images.href")));
			}
		}
		List<Link> links = new ArrayList<>();
		for (PagerdutyConfig.Link link : config.links()) {
			String href = rendering.textOrEmpty(link.href(), "links.href");
			if (!href.isEmpty()) {
				links.add(new Link(href, rendering.textOrEmpty(link.text(), "links.text")));
			}
		}
		PagerDutyPayload event = new PagerDutyPayload(Rendering.groupKeyHash(notification.groupKey()),
				notification.firing().isEmpty() ? "resolve" : "trigger", payload,
				rendering.textOrEmpty(config.client(), "client"),
				rendering.textOrEmpty(config.clientUrl(), "client_url"), images, links);
		if (JSON.writeValueAsBytes(event).length <= MAX_EVENT_BYTES) {
			return event;
		}
		return new PagerDutyPayload(event.dedupKey, event.eventAction,
				new Payload(payload.summary, payload.source, payload.severity, payload.eventClass, payload.component,
						payload.group, Map.of("error", DETAILS_REMOVED)),
				event.client, event.clientUrl, event.images, event.links);
	}

	// The rendering of a pagerduty_configs entry, v2 or v1.
	static Rendering rendering(Notification notification, String externalUrl, TemplateErrors errors) {
		return new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(), "pagerduty_configs",
				PagerdutyConfig.DEFAULTS, errors);
	}

	// The entry's details, rendered, by name.
	static Map<String, String> details(PagerdutyConfig config, Rendering rendering) {
		Map<String, String> details = new TreeMap<>();
		config.details()
			.forEach((name, template) -> details.put(name, rendering.textOrEmpty(template, "details." + name)));
		return details;
	}

	/**
	 * Payload is the event's {@code payload}.
	 *
	 * @param summary {@code summary}: the rendered description, cut to 1024 characters
	 * @param source {@code source}
	 * @param severity {@code severity}
	 * @param eventClass {@code class}, omitted when empty
	 * @param component {@code component}, omitted when empty
	 * @param group {@code group}, omitted when empty
	 * @param customDetails {@code custom_details}, sorted by name
	 */
	public record Payload(String summary, String source, String severity,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("class") String eventClass,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String component,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String group,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("custom_details") Map<String, String> customDetails) {
	}

	/**
	 * Image is an {@code images} entry as sent.
	 *
	 * @param src {@code src}
	 * @param alt {@code alt}
	 * @param href {@code href}
	 */
	public record Image(String src, String alt, String href) {
	}

	/**
	 * Link is a {@code links} entry as sent.
	 *
	 * @param href {@code href}
	 * @param text {@code text}
	 */
	public record Link(String href, String text) {
	}

}
