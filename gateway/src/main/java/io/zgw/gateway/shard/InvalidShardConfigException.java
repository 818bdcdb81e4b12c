package io.zgw.gateway.shard;

/**
 * InvalidShardConfigException stops the gateway from starting with a bad
 * {@code zgw.shards} entry; it names the key and never echoes a secret.
 */
public class InvalidShardConfigException extends IllegalStateException {

	private final String key;

	public InvalidShardConfigException(String key, String problem) {
		super(key + " " + problem);
		this.key = key;
	}

	/** Returns the configuration key that is wrong, e.g. {@code zgw.shards[1].url}. */
	public String key() {
		return this.key;
	}

}
