package io.zgw.gateway.query;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * QueryProperties binds {@code zgw.query}: limits, caching and history splitting of the
 * unified read API.
 *
 * @param defaultLimit page size when a request sets no {@code limit}
 * @param maxLimit largest {@code limit} a request may ask for
 * @param maxPoints largest number of points per series a history request may ask for
 * @param cacheTtl how long host, item and group metadata is cached per shard
 * @param maxCachedEntries metadata entries kept before expired ones are evicted
 * @param maxMetadataObjects cap on hosts or items fetched from one shard for one listing
 * @param trendsAfter history requests starting further back than this read trends
 * @param defaultHistoryRange range of a history request without {@code from}
 * @param historyMaxItemsPerCall items per {@code history.get}/{@code trend.get} call
 * @param historyMaxWindowPerCall time range per {@code history.get} call
 * @param trendsMaxWindowPerCall time range per call of a trends request (a trend is one
 * row per item and hour, so a call may span far more than for history)
 * @param historyMaxCallsPerShard calls one history or trends request may make to one
 * shard: a longer range is refused (400 naming {@code from}) rather than run call after
 * call into the shard's deadline and its circuit breaker
 */
@ConfigurationProperties("zgw.query")
@Validated
public record QueryProperties(@DefaultValue("100") @Min(1) int defaultLimit, @DefaultValue("1000") @Min(1) int maxLimit,
		@DefaultValue("10000") @Min(1) int maxPoints, @DefaultValue("60s") Duration cacheTtl,
		@DefaultValue("10000") @Min(1) int maxCachedEntries, @DefaultValue("10000") @Min(1) int maxMetadataObjects,
		@DefaultValue("7d") Duration trendsAfter, @DefaultValue("1h") Duration defaultHistoryRange,
		@DefaultValue("100") @Min(1) int historyMaxItemsPerCall, @DefaultValue("6h") Duration historyMaxWindowPerCall,
		@DefaultValue("15d") Duration trendsMaxWindowPerCall,
		@DefaultValue("250") @Min(1) int historyMaxCallsPerShard) {

}
