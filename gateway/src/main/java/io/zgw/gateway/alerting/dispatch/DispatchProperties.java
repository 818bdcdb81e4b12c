package io.zgw.gateway.alerting.dispatch;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * DispatchProperties configures the notification pipeline that turns stored alerts into
 * outbox notifications ({@code zgw.alerting.dispatch.*}).
 *
 * @param enabled whether this replica competes for the dispatch lease and notifies
 * @param leaseTtl how long a taken lease stays with its holder without renewal
 * @param leaseRenew how often the holder renews the lease (and others try to take it)
 * @param holderId this replica's name in the lease row; the delivery worker's id
 * ({@code zgw.notify.worker-id}, by default host name plus a random suffix) when unset
 * @param resolvedLookback how far back resolved alerts are fed to a rebuilt dispatcher,
 * so their resolved notifications are not lost across a restart or takeover
 * @param reloadPoll how often the routing file is checked for changes (0: never)
 * @param storePoll how often the lease holder reads back the alerts other replicas stored
 * (0: never, for a single replica)
 * @param storePollOverlap how far before the previous poll each poll reads again, to see
 * writes that committed late or were stamped by a replica whose clock runs behind
 * @param flushMaxGroups most due groups one flush transaction takes, those not flushed
 * yet first, then the earliest due; the rest follow at once in further transactions, so a
 * burst of many groups due together reaches the outbox (and the receivers) in parts
 * rather than after all of it is written, and a new group waits for a small transaction
 * at most
 * @param silenceRefresh how long the lease holder uses the silences it read before
 * reading them again; silences saved through this replica count at the next flush
 * regardless, those saved through another within this time (0: read before every flush)
 * @param calendarRefresh how often on-call calendars named by {@code calendar_url} are
 * fetched again (the routing file is reloaded when one changed)
 * @param calendarCache where the last copy of each fetched calendar is kept, so that a
 * restart while the calendar service is down still loads the routing file (by default
 * {@code zgw-calendars} in the temporary directory)
 */
@Validated
@ConfigurationProperties("zgw.alerting.dispatch")
public record DispatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") @NotNull Duration leaseTtl,
		@DefaultValue("5s") @NotNull Duration leaseRenew, @Nullable String holderId,
		@DefaultValue("1h") @NotNull Duration resolvedLookback, @DefaultValue("5s") @NotNull Duration reloadPoll,
		@DefaultValue("1s") @NotNull Duration storePoll, @DefaultValue("5s") @NotNull Duration storePollOverlap,
		@DefaultValue("4") @Min(1) int flushMaxGroups, @DefaultValue("1s") @NotNull Duration silenceRefresh,
		@DefaultValue("5m") @NotNull Duration calendarRefresh, @Nullable Path calendarCache) {

	public DispatchProperties {
		if (leaseRenew != null && leaseTtl != null && leaseRenew.multipliedBy(2).compareTo(leaseTtl) > 0) {
			throw new IllegalArgumentException("zgw.alerting.dispatch.lease-ttl must be at least twice "
					+ "zgw.alerting.dispatch.lease-renew (" + leaseRenew + "), got " + leaseTtl);
		}
		if (storePoll != null && storePoll.isNegative()) {
			throw new IllegalArgumentException(
					"zgw.alerting.dispatch.store-poll must not be negative, got " + storePoll);
		}
		if (storePollOverlap != null && storePollOverlap.isNegative()) {
			throw new IllegalArgumentException(
					"zgw.alerting.dispatch.store-poll-overlap must not be negative, got " + storePollOverlap);
		}
		if (silenceRefresh != null && silenceRefresh.isNegative()) {
			throw new IllegalArgumentException(
					"zgw.alerting.dispatch.silence-refresh must not be negative, got " + silenceRefresh);
		}
		if (calendarRefresh != null && (calendarRefresh.isZero() || calendarRefresh.isNegative())) {
			throw new IllegalArgumentException(
					"zgw.alerting.dispatch.calendar-refresh must be positive, got " + calendarRefresh);
		}
		calendarCache = (calendarCache != null) ? calendarCache
				: Path.of(System.getProperty("java.io.tmpdir"), "zgw-calendars");
		if (leaseRenew != null && (leaseRenew.isZero() || leaseRenew.isNegative())) {
			throw new IllegalArgumentException("zgw.alerting.dispatch.lease-renew must be positive, got " + leaseRenew);
		}
	}

}
