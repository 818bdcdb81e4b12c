package io.zgw.alerts.silence;

/**
 * SilenceState is where a silence is in its life: before, inside or after its time range.
 */
public enum SilenceState {

	/** Starts in the future. */
	PENDING,

	/** Between start (inclusive) and end (exclusive). */
	ACTIVE,

	/** Ended or expired. */
	EXPIRED

}
