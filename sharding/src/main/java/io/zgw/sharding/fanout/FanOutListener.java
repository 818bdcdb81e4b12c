package io.zgw.sharding.fanout;

import java.time.Duration;

/**
 * FanOutListener observes every shard call a {@link FanOut} makes, e.g. to record
 * metrics.
 */
public interface FanOutListener {

	/** Called once per shard and call, when its outcome is known. */
	void onCall(String shard, String method, ShardStatus status, Duration latency);

}
