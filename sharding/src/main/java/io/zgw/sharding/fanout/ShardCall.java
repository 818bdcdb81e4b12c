package io.zgw.sharding.fanout;

import io.zgw.sharding.Shard;

/**
 * ShardCall is the work a {@link FanOut} runs on each shard.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ShardCall<T> {

	/** Runs the call on {@code shard}; any exception fails only this shard's part. */
	T call(Shard shard) throws Exception;

}
