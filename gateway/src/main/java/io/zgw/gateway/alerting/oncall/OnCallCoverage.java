package io.zgw.gateway.alerting.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.routing.RoutingFile;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * OnCallCoverage exports, for each on-call schedule of the routing file in use, how long
 * until it has nobody on call ({@link DispatchMetrics#ONCALL_NEXT_GAP}), so that a gap in
 * a rotation or the end of a calendar export is alerted on before an escalation step
 * pages no one. Schedules change at minute resolution: each is worked out at most once a
 * minute, when scraped.
 */
@Component
public class OnCallCoverage {

	/** How far ahead gaps are looked for. */
	public static final Duration LOOKAHEAD = Duration.ofDays(7);

	private final RoutingFile routing;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, Gauge> gauges = new HashMap<>();

	private final Map<String, Known> known = new HashMap<>();

	OnCallCoverage(RoutingFile routing, MeterRegistry meters, ObjectProvider<Clock> clock) {
		this.routing = routing;
		this.meters = meters;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Registers the gauge of every schedule of a configuration put in use, and removes
	 * those of schedules it no longer has.
	 */
	public synchronized void schedulesOf(AlertmanagerConfig config) {
		this.known.clear();
		this.gauges.entrySet().removeIf((entry) -> {
			boolean gone = !config.schedules().containsKey(entry.getKey());
			if (gone) {
				this.meters.remove(entry.getValue());
			}
			return gone;
		});
		for (String name : config.schedules().keySet()) {
			this.gauges.computeIfAbsent(name,
					(schedule) -> Gauge
						.builder(DispatchMetrics.ONCALL_NEXT_GAP, this, (c) -> c.secondsUntilGap(schedule))
						.description("Seconds until the on-call schedule has nobody on call (0: nobody now), looking "
								+ LOOKAHEAD.toDays() + " days ahead")
						.baseUnit("seconds")
						.tag(DispatchMetrics.TAG_SCHEDULE, schedule)
						.strongReference(true)
						.register(this.meters));
		}
	}

	/**
	 * Returns the seconds from now until the schedule next has nobody on call: 0 while it
	 * has nobody, the lookahead when no gap comes within it, NaN for a schedule the
	 * configuration in use does not have.
	 */
	synchronized double secondsUntilGap(String name) {
		OnCallSchedule schedule = this.routing.config().schedules().get(name);
		if (schedule == null) {
			return Double.NaN;
		}
		Instant now = this.clock.instant();
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		Known last = this.known.get(name);
		if (last == null || last.schedule() != schedule || !last.minute().equals(minute)) {
			List<OnCallSchedule.Gap> gaps = schedule.gaps(minute, minute.plus(LOOKAHEAD));
			last = new Known(schedule, minute, gaps.isEmpty() ? null : gaps.get(0).start());
			this.known.put(name, last);
		}
		if (last.gap() == null) {
			return LOOKAHEAD.toSeconds();
		}
		return Math.max(0, Duration.between(now, last.gap()).toMillis() / 1000.0);
	}

	/**
	 * Known is a schedule's next gap as worked out in one minute.
	 *
	 * @param schedule the schedule it was worked out for
	 * @param minute the minute it was worked out in
	 * @param gap when the next gap begins, or null for none within the lookahead
	 */
	private record Known(OnCallSchedule schedule, Instant minute, @Nullable Instant gap) {
	}

}
