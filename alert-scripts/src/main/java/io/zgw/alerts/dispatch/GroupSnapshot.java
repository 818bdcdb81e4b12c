package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.List;

import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;

/**
 * GroupSnapshot is a read-only view of an aggregation group, for APIs such as
 * {@code GET /api/v2/alerts/groups}.
 *
 * @param groupKey the group key
 * @param route the route the group belongs to
 * @param labels the group labels
 * @param alerts the group's alerts in notification order
 * @param nextFlush when the group is flushed next
 */
public record GroupSnapshot(String groupKey, Route route, LabelSet labels, List<Alert> alerts, Instant nextFlush) {

	public GroupSnapshot {
		alerts = List.copyOf(alerts);
	}

}
