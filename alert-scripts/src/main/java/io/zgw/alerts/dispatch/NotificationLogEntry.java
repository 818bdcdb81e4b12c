package io.zgw.alerts.dispatch;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * NotificationLogEntry records what was last notified for a group to one receiver
 * integration: fingerprints of the firing and resolved alerts, and when.
 *
 * @param firing fingerprints of the alerts notified as firing
 * @param resolved fingerprints of the alerts notified as resolved
 * @param timestamp when the notification was sent
 * @param expiresAt after this instant the entry counts as absent (twice the repeat
 * interval, as Alertmanager)
 */
public record NotificationLogEntry(Set<String> firing, Set<String> resolved, Instant timestamp, Instant expiresAt) {

	public NotificationLogEntry {
		firing = Set.copyOf(firing);
		resolved = Set.copyOf(resolved);
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

}
