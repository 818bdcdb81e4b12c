package io.zgw.gateway.shard;

/**
 * ZgwMetrics holds the names and tag keys of the gateway's shard metrics. Tags are
 * bounded: shard, Zabbix method, outcome, error kind, breaker state; never a host or an
 * id.
 */
public final class ZgwMetrics {

	/** Counter of shard calls, tagged shard, method, outcome. */
	public static final String SHARD_CALLS = "zgw_shard_calls";

	/** Timer (with histogram) of shard call latency, tagged shard, method, outcome. */
	public static final String SHARD_CALL_LATENCY = "zgw_shard_call_latency";

	/**
	 * Counter of failed shard calls, tagged shard, kind (timeout, error, circuit_open).
	 */
	public static final String SHARD_ERRORS = "zgw_shard_errors";

	/**
	 * Gauge, 1 for a shard breaker's current state and 0 for the others, tagged shard,
	 * state.
	 */
	public static final String SHARD_BREAKER_STATE = "zgw_shard_breaker_state";

	/** Tag key: shard name. */
	public static final String TAG_SHARD = "shard";

	/** Tag key: Zabbix API method. */
	public static final String TAG_METHOD = "method";

	/**
	 * Tag key: call outcome ({@code ok}, {@code timeout}, {@code error},
	 * {@code circuit_open}).
	 */
	public static final String TAG_OUTCOME = "outcome";

	/** Tag key: error kind. */
	public static final String TAG_KIND = "kind";

	/** Tag key: breaker state ({@code closed}, {@code open}, {@code half_open}, ...). */
	public static final String TAG_STATE = "state";

	private ZgwMetrics() {
	}

}
