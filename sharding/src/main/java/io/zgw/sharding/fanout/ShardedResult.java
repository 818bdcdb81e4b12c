package io.zgw.sharding.fanout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ShardedResult is the outcome of one call fanned out to several shards, in the order the
 * shards were asked.
 *
 * @param <T> the value type
 */
public record ShardedResult<T>(Map<String, ShardOutcome<T>> outcomes) {

	public ShardedResult {
		outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
	}

	/** Returns the values of the shards that answered. */
	public List<ShardOutcome<T>> successes() {
		return this.outcomes.values().stream().filter(ShardOutcome::ok).toList();
	}

	/** Whether some, but not all, asked shards failed. */
	public boolean partial() {
		return !allFailed() && this.outcomes.values().stream().anyMatch((outcome) -> !outcome.ok());
	}

	/** Whether shards were asked and none of them answered. */
	public boolean allFailed() {
		return !this.outcomes.isEmpty() && this.outcomes.values().stream().noneMatch(ShardOutcome::ok);
	}

	/** Returns the status shared by all failures, if every shard failed the same way. */
	public Optional<ShardStatus> commonFailure() {
		List<ShardStatus> statuses = this.outcomes.values().stream().map(ShardOutcome::status).distinct().toList();
		return (allFailed() && statuses.size() == 1) ? Optional.of(statuses.get(0)) : Optional.empty();
	}

}
