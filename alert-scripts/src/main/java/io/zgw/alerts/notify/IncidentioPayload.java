package io.zgw.alerts.notify;

import java.nio.charset.StandardCharsets;

import io.zgw.alerts.dispatch.Notification;
import tools.jackson.databind.json.JsonMapper;

/**
 * IncidentioPayload is what Alertmanager 0.29's incident.io notifier POSTs to an HTTP
 * alert source: the webhook message, field for field, as {@code version} "1". A message
 * over incident.io's 512 KiB limit keeps only its first alert (incident.io makes one
 * alert of a group, so the rest is detail), as Alertmanager does; one still over it is
 * sent anyway, and refused by incident.io.
 */
public final class IncidentioPayload {

	/** The protocol version Alertmanager's incident.io notifier sends. */
	public static final String VERSION = "1";

	/** The largest body incident.io accepts, in bytes. */
	public static final int MAX_BYTES = 512 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IncidentioPayload() {
	}

	/** The JSON body for a notification, within incident.io's limit where it can be. */
	public static String json(Notification notification, String externalUrl) {
		WebhookPayload payload = WebhookPayload.of(notification, externalUrl, VERSION);
		String json = JSON.writeValueAsString(payload);
		if (payload.alerts().size() > 1 && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			json = JSON.writeValueAsString(payload.withFirstAlerts(1));
		}
		return json;
	}

}
