package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zgw.alerts.config.Integration;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;

/**
 * Notification is one message the dispatcher asks to deliver: a group's alerts for one
 * integration of a receiver.
 *
 * @param receiver receiver name
 * @param integration the integration to deliver through
 * @param integrationKey notification-log key of the integration,
 * {@code receiver/type/index}
 * @param groupKey Alertmanager group key, e.g. {@code {}:{alertname="X"}}
 * @param groupLabels the labels that form the group
 * @param commonLabels labels all (non-truncated) alerts share, as Alertmanager computes
 * them after truncation
 * @param commonAnnotations annotations all (non-truncated) alerts share
 * @param alerts the alerts to notify about in Alertmanager's order, at most the webhook's
 * {@code max_alerts}
 * @param truncatedAlerts how many alerts {@code max_alerts} left out
 * @param route the route whose group this is
 * @param at when the notification was made; alert status is evaluated at this instant
 * @param escalationStep the route's escalation step that pages the receiver, counting
 * from 1; 0 when the receiver is the route's own
 */
public record Notification(String receiver, Integration integration, String integrationKey, String groupKey,
		LabelSet groupLabels, LabelSet commonLabels, Map<String, String> commonAnnotations, List<Alert> alerts,
		int truncatedAlerts, Route route, Instant at, int escalationStep) {

	public Notification {
		Objects.requireNonNull(receiver, "receiver");
		commonAnnotations = Map.copyOf(commonAnnotations);
		alerts = List.copyOf(alerts);
	}

	/** Returns "firing" when any alert fires at {@link #at()}, else "resolved". */
	public String status() {
		return firing().isEmpty() ? "resolved" : "firing";
	}

	/** Returns the alerts firing at {@link #at()}. */
	public List<Alert> firing() {
		return this.alerts.stream().filter((alert) -> !alert.resolvedAt(this.at)).toList();
	}

	/** Returns the alerts resolved at {@link #at()}. */
	public List<Alert> resolved() {
		return this.alerts.stream().filter((alert) -> alert.resolvedAt(this.at)).toList();
	}

}
