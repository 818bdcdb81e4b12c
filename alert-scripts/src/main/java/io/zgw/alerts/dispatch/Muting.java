package io.zgw.alerts.dispatch;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Muting says why an alert is muted at an instant: the silences that match it and the
 * alert that inhibits it.
 *
 * @param silencedBy ids of matching silences in effect
 * @param inhibitedBy fingerprint of an inhibiting alert, or null
 */
public record Muting(List<String> silencedBy, @Nullable String inhibitedBy) {

	public Muting {
		silencedBy = List.copyOf(silencedBy);
	}

	/** Returns whether the alert is silenced or inhibited. */
	public boolean muted() {
		return !this.silencedBy.isEmpty() || this.inhibitedBy != null;
	}

}
