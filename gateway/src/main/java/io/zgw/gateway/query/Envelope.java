package io.zgw.gateway.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.fanout.ShardOutcome;
import io.zgw.sharding.fanout.ShardStatus;
import io.zgw.sharding.fanout.ShardedResult;
import org.springframework.http.HttpStatus;

/**
 * Envelope is every read API answer: the merged {@code data}, whether it is
 * {@code partial}, each asked shard's status, and the cursor of the next page if there is
 * one.
 *
 * @param <T> the object type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Envelope<T>(List<T> data, boolean partial, Map<String, ShardReport> shards, String nextCursor) {

	/**
	 * Wraps merged data; when every asked shard failed there is nothing to wrap and the
	 * answer is 503 (all breakers open), 504 (all timed out) or 502, still listing the
	 * shards.
	 */
	static <T> Envelope<T> of(List<T> data, ShardedResult<?> result, String nextCursor) {
		Map<String, ShardReport> shards = reports(result);
		if (result.allFailed()) {
			HttpStatus status = result.commonFailure().map((failure) -> switch (failure) {
				case CIRCUIT_OPEN -> HttpStatus.SERVICE_UNAVAILABLE;
				case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
				default -> HttpStatus.BAD_GATEWAY;
			}).orElse(HttpStatus.BAD_GATEWAY);
			String detail = result.outcomes()
				.values()
				.stream()
				.map((outcome) -> outcome.shard() + ": " + outcome.status().label() + " (" + outcome.error() + ")")
				.collect(Collectors.joining("; ", "every asked shard failed: ", ""));
			throw new ApiException(status, "Shards unavailable", detail, Map.of("shards", shards));
		}
		return new Envelope<>(data, result.partial(), shards, nextCursor);
	}

	private static Map<String, ShardReport> reports(ShardedResult<?> result) {
		Map<String, ShardReport> reports = new LinkedHashMap<>();
		result.outcomes().forEach((shard, outcome) -> reports.put(shard, ShardReport.of(outcome)));
		return reports;
	}

	/**
	 * ShardReport is one shard's part of an answer.
	 *
	 * @param status {@code ok}, {@code timeout}, {@code error} or {@code circuit_open}
	 * @param latencyMs how long the shard took
	 * @param error what went wrong, absent when ok
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ShardReport(String status, long latencyMs, String error) {

		static ShardReport of(ShardOutcome<?> outcome) {
			return new ShardReport(outcome.status().label(), outcome.latency().toMillis(),
					(outcome.status() == ShardStatus.OK) ? null : outcome.error());
		}

	}

}
