package io.zgw.sharding;

import java.time.Duration;
import java.time.Instant;

import io.zgw.sharding.fanout.ShardStatus;

/**
 * ShardHealth is what the gateway last saw of one shard: the outcome and latency of the
 * last call, and the last error with its time.
 */
public final class ShardHealth {

	private volatile Snapshot snapshot = new Snapshot(null, null, null, null, null);

	/** Records the outcome of one call. */
	public void record(ShardStatus status, Duration latency, String error, Instant at) {
		Snapshot previous = this.snapshot;
		this.snapshot = (error == null)
				? new Snapshot(status, latency, at, previous.lastError(), previous.lastErrorAt())
				: new Snapshot(status, latency, at, error, at);
	}

	/** Returns a consistent view of what was last seen. */
	public Snapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * Snapshot is an immutable view of a shard's health.
	 *
	 * @param lastStatus outcome of the last call, null before the first
	 * @param lastLatency latency of the last call
	 * @param lastCallAt when the last call ended
	 * @param lastError text of the last failure, null if none yet
	 * @param lastErrorAt when the last failure happened
	 */
	public record Snapshot(ShardStatus lastStatus, Duration lastLatency, Instant lastCallAt, String lastError,
			Instant lastErrorAt) {
	}

}
