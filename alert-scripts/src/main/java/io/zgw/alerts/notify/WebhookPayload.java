package io.zgw.alerts.notify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.Alert;

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

	/** Builds the payload for a notification. */
	public static WebhookPayload of(Notification notification, String externalUrl) {
		List<WebhookAlert> alerts = notification.alerts()
			.stream()
			.map((alert) -> WebhookAlert.of(alert, notification))
			.toList();
		return new WebhookPayload(quoteMeta(notification.receiver()), notification.status(), alerts,
				notification.groupLabels().asMap(), notification.commonLabels().asMap(),
				new TreeMap<>(notification.commonAnnotations()), externalUrl, VERSION, notification.groupKey(),
				notification.truncatedAlerts());
	}

	// Alertmanager puts regexp.QuoteMeta(receiver) into its template data.
	static String quoteMeta(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
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

		static WebhookAlert of(Alert alert, Notification notification) {
			boolean resolved = alert.resolvedAt(notification.at());
			// As Alertmanager: an end in the future is not exposed.
			return new WebhookAlert(resolved ? "resolved" : "firing", alert.labels().asMap(),
					new TreeMap<>(alert.annotations()), TemplateData.goTime(alert.startsAt()),
					TemplateData.goTime(resolved ? alert.endsAt() : null), alert.generatorUrl(), alert.fingerprint());
		}

	}

}
