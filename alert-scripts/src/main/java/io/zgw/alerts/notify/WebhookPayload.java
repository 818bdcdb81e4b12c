package io.zgw.alerts.notify;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.dispatch.Notification;

/**
 * WebhookPayload is Alertmanager's webhook message version 4, field for field and in
 * Alertmanager's field order; serialize it with any Jackson mapper.
 *
 * @param receiver receiver name, regex-quoted as Alertmanager does
 * @param status "firing" when any alert fires, else "resolved"
 * @param alerts the alerts, at most {@code max_alerts}
 * @param groupLabels labels that form the group
 * @param commonLabels labels all alerts share
 * @param commonAnnotations annotations all alerts share
 * @param externalUrl link back to the gateway
 * @param version always "4"
 * @param groupKey the group key
 * @param truncatedAlerts how many alerts {@code max_alerts} left out
 */
@JsonPropertyOrder({ "receiver", "status", "alerts", "groupLabels", "commonLabels", "commonAnnotations", "externalURL",
		"version", "groupKey", "truncatedAlerts" })
public record WebhookPayload(String receiver, String status, List<WebhookAlert> alerts, Map<String, String> groupLabels,
		Map<String, String> commonLabels, Map<String, String> commonAnnotations,
		@JsonProperty("externalURL") String externalUrl, String version, String groupKey, int truncatedAlerts) {

	/** The protocol version Alertmanager 0.25 sends. */
	public static final String VERSION = "4";

	/** Builds the payload for a notification: its template data plus group key. */
	public static WebhookPayload of(Notification notification, String externalUrl) {
		return of(notification, externalUrl, VERSION);
	}

	/**
	 * Builds the message under another protocol version: incident.io's notifier sends
	 * this shape as version "1".
	 */
	static WebhookPayload of(Notification notification, String externalUrl, String version) {
		TemplateData data = TemplateData.of(notification, externalUrl);
		return new WebhookPayload(data.receiver(), data.status(), data.alerts().stream().map(WebhookAlert::of).toList(),
				data.groupLabels(), data.commonLabels(), data.commonAnnotations(), externalUrl, version,
				notification.groupKey(), notification.truncatedAlerts());
	}

	/**
	 * The same message with only its first {@code count} alerts; status, common labels
	 * and {@code truncatedAlerts} stay those of the whole.
	 */
	WebhookPayload withFirstAlerts(int count) {
		return new WebhookPayload(receiver, status, alerts.subList(0, Math.min(count, alerts.size())), groupLabels,
				commonLabels, commonAnnotations, externalUrl, version, groupKey, truncatedAlerts);
	}

	/**
	 * WebhookAlert is one alert of a webhook message.
	 *
	 * @param status "firing" or "resolved"
	 * @param labels the alert's labels
	 * @param annotations the alert's annotations
	 * @param startsAt RFC 3339 start
	 * @param endsAt RFC 3339 end, {@code 0001-01-01T00:00:00Z} while firing
	 * @param generatorUrl link to the source
	 * @param fingerprint 16 hex digits of the label set's fingerprint
	 */
	@JsonPropertyOrder({ "status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint" })
	public record WebhookAlert(String status, Map<String, String> labels, Map<String, String> annotations,
			String startsAt, String endsAt, @JsonProperty("generatorURL") String generatorUrl, String fingerprint) {

		static WebhookAlert of(TemplateData.Alert alert) {
			return new WebhookAlert(alert.status(), alert.labels(), alert.annotations(), alert.startsAt().rfc3339Nano(),
					alert.endsAt().rfc3339Nano(), alert.generatorUrl(), alert.fingerprint());
		}

	}

}
