package io.zgw.alerts.silence;

import java.time.Instant;
import java.util.List;

import io.zgw.alerts.model.LabelSet;

/**
 * Silencer answers which silences mute a label set at an instant; the dispatcher owns
 * this interface, stores implement it.
 */
@FunctionalInterface
public interface Silencer {

	/** Silencer that never mutes. */
	Silencer NONE = (labels, now) -> List.of();

	/** Returns the ids of the silences muting the labels at {@code now}. */
	List<String> silencedBy(LabelSet labels, Instant now);

}
