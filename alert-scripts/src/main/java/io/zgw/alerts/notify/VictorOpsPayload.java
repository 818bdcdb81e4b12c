package io.zgw.alerts.notify;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.VictorOpsConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * VictorOpsPayload is what Alertmanager 0.25 sends to VictorOps (Splunk On-Call) for a
 * notification, without the API key, which the sender puts in the URL: the rendered
 * routing key (the URL's last part) and the message, whose {@code entity_id} is the
 * SHA-256 of the group key and whose {@code message_type} is RECOVERY once every alert is
 * resolved.
 *
 * @param routingKey the rendered {@code routing_key}
 * @param message the JSON message: the fixed fields and the custom ones
 */
public record VictorOpsPayload(@JsonProperty("routing_key") String routingKey, Map<String, String> message) {

	private static final int MAX_STATE_MESSAGE = 20480;

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default (or the empty text) instead.
	 */
	public static VictorOpsPayload of(Notification notification, VictorOpsConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"victorops_configs", VictorOpsConfig.DEFAULTS, errors);
		Map<String, String> message = new TreeMap<>();
		message.put("message_type", notification.firing().isEmpty() ? "RECOVERY"
				: rendering.textOrEmpty(config.messageType(), "message_type"));
		message.put("entity_id", Rendering.groupKeyHash(notification.groupKey()));
		message.put("entity_display_name", rendering.textOrEmpty(config.entityDisplayName(), "entity_display_name"));
		message.put("state_message",
				Rendering.truncate(rendering.textOrEmpty(config.stateMessage(), "state_message"), MAX_STATE_MESSAGE));
		message.put("monitoring_tool", rendering.textOrEmpty(config.monitoringTool(), "monitoring_tool"));
		config.customFields()
			.forEach((name, template) -> message.put(name, rendering.textOrEmpty(template, "custom_fields." + name)));
		return new VictorOpsPayload(rendering.textOrEmpty(config.routingKey(), "routing_key"), message);
	}

}
