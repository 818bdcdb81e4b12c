package io.zgw.alerts.notify;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.zgw.alerts.config.PagerdutyConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDutyV1Payload is the Events API v1 event Alertmanager 0.25 sends for a
 * notification of an entry with a {@code service_key}, without the key, which the sender
 * adds so that it is not stored with the event: {@code trigger} while any alert fires,
 * else {@code resolve}; the incident key is the SHA-256 of the group key, so one group is
 * one incident; client and client URL only with a trigger. Alertmanager sends the v2
 * fields {@code event_action} (empty) and {@code payload} (null) too, and so does this.
 *
 * @param incidentKey {@code incident_key}: hex SHA-256 of the group key
 * @param eventType {@code event_type}: {@code trigger} or {@code resolve}
 * @param description {@code description}, cut to 1024 characters
 * @param eventAction {@code event_action}: always empty
 * @param payload {@code payload}: always null
 * @param client {@code client}, omitted when empty
 * @param clientUrl {@code client_url}, omitted when empty
 * @param details {@code details}, sorted by name, omitted when empty
 */
public record PagerDutyV1Payload(@JsonProperty("incident_key") String incidentKey,
		@JsonProperty("event_type") String eventType, @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
		@JsonProperty("event_action") String eventAction,
		@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object payload,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) String client,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("client_url") String clientUrl,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {

	private static final int MAX_DESCRIPTION = 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Builds the event; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead. As Alertmanager, details that would make the
	 * event too large for PagerDuty are replaced by a note saying so.
	 */
	public static PagerDutyV1Payload of(Notification notification, PagerdutyConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = PagerDutyPayload.rendering(notification, externalUrl, errors);
		Map<String, String> details = PagerDutyPayload.details(config, rendering);
		boolean trigger = !notification.firing().isEmpty();
		PagerDutyV1Payload event = new PagerDutyV1Payload(Rendering.groupKeyHash(notification.groupKey()),
				trigger ? "trigger" : "resolve",
				Rendering.truncate(rendering.textOrEmpty(config.description(), "description"), MAX_DESCRIPTION), "",
				null, trigger ? rendering.textOrEmpty(config.client(), "client") : "",
				trigger ? rendering.textOrEmpty(config.clientUrl(), "client_url") : "", details);
		if (JSON.writeValueAsBytes(event).length <= PagerDutyPayload.MAX_EVENT_BYTES) {
			return event;
		}
		return new PagerDutyV1Payload(event.incidentKey, event.eventType, event.description, "", null, event.client,
				event.clientUrl, Map.of("error", PagerDutyPayload.DETAILS_REMOVED));
	}

}
