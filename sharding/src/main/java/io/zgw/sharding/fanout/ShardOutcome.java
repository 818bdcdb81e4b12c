package io.zgw.sharding.fanout;

import java.time.Duration;

/**
 * ShardOutcome is one shard's part of a fanned-out call: its status, its value when
 * {@link ShardStatus#OK}, otherwise the error text (and the exception, if the call threw
 * one), and how long it took.
 *
 * @param <T> the value type
 */
public record ShardOutcome<T>(String shard, ShardStatus status, T value, String error, Throwable failure,
		Duration latency) {

	/** Returns a successful outcome. */
	public static <T> ShardOutcome<T> ok(String shard, T value, Duration latency) {
		return new ShardOutcome<>(shard, ShardStatus.OK, value, null, null, latency);
	}

	/** Returns a failed outcome that threw nothing (deadline, breaker, bulkhead). */
	public static <T> ShardOutcome<T> failed(String shard, ShardStatus status, String error, Duration latency) {
		return new ShardOutcome<>(shard, status, null, error, null, latency);
	}

	/** Returns a failed outcome caused by {@code failure}. */
	public static <T> ShardOutcome<T> threw(String shard, ShardStatus status, String error, Throwable failure,
			Duration latency) {
		return new ShardOutcome<>(shard, status, null, error, failure, latency);
	}

	/** Whether the shard answered. */
	public boolean ok() {
		return this.status == ShardStatus.OK;
	}

}
