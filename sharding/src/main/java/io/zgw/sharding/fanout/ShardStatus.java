package io.zgw.sharding.fanout;

/** ShardStatus is how one shard's part of a fanned-out call ended. */
public enum ShardStatus {

	/** The shard answered. */
	OK("ok"),

	/** The shard did not answer within its deadline. */
	TIMEOUT("timeout"),

	/**
	 * The shard answered with an error, refused the connection or the call was rejected.
	 */
	ERROR("error"),

	/** The shard's circuit breaker is open: it was not asked. */
	CIRCUIT_OPEN("circuit_open");

	private final String label;

	ShardStatus(String label) {
		this.label = label;
	}

	/**
	 * Returns the wire name: {@code ok}, {@code timeout}, {@code error},
	 * {@code circuit_open}.
	 */
	public String label() {
		return this.label;
	}

}
