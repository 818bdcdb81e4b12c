package io.zgw.gateway.shard;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * InvalidShardConfigFailureAnalyzer turns a bad {@code zgw.shards} entry into a start-up
 * report that names the key.
 */
class InvalidShardConfigFailureAnalyzer extends AbstractFailureAnalyzer<InvalidShardConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidShardConfigException cause) {
		return new FailureAnalysis("Invalid shard configuration: " + cause.getMessage(),
				"Fix " + cause.key() + " in the gateway's configuration.", cause);
	}

}
