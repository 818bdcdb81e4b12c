package io.zgw.gateway.alerting.dispatch;

/**
 * DispatchMetrics names the dispatcher's and the reload's meters.
 */
public final class DispatchMetrics {

	/** Counter of notifications put in the outbox by the dispatcher. */
	public static final String NOTIFICATIONS = "zgw.dispatch.notifications";

	/** Counter of flushes whose transaction failed (groups rebuilt afterwards). */
	public static final String FLUSH_FAILURES = "zgw.dispatch.flush.failures";

	/**
	 * Timer: from the instant a group was due until its notifications were in the outbox
	 * and delivery was nudged.
	 */
	public static final String FLUSH_LAG = "zgw.dispatch.flush.lag";

	/** Gauge: 1 while this replica holds the dispatch lease. */
	public static final String LEADER = "zgw.dispatch.leader";

	/**
	 * Gauge: active recurring silences whose schedule names a time interval the routing
	 * file no longer has (they mute nothing), as of the lease holder's last flush.
	 */
	public static final String UNRESOLVED_SILENCE_SCHEDULES = "zgw.silences.unresolved.schedules";

	/**
	 * Counter of notifications a route's escalation put in the outbox, tagged
	 * {@code step} (1 for the first step; registered at 0 for every step a loaded
	 * configuration has).
	 */
	public static final String ESCALATION_PAGES = "zgw.escalation.pages";

	/** Tag of {@link #ESCALATION_PAGES}: the step, counting from 1. */
	public static final String TAG_STEP = "step";

	/**
	 * Gauge, tagged {@code schedule}: seconds until the on-call schedule next has nobody
	 * on call (0 while it has nobody), looking {@code OnCallCoverage.LOOKAHEAD} ahead;
	 * that lookahead when no gap comes within it.
	 */
	public static final String ONCALL_NEXT_GAP = "zgw.oncall.next.gap";

	/** Tag of {@link #ONCALL_NEXT_GAP}: the schedule's name. */
	public static final String TAG_SCHEDULE = "schedule";

	/**
	 * Counter of fetches of on-call calendars named by {@code calendar_url}, tagged
	 * {@code outcome=success|failure} (a failure keeps the last copy).
	 */
	public static final String CALENDAR_FETCHES = "zgw.oncall.calendar.fetches";

	/** Tag of {@link #CALENDAR_FETCHES} and {@link #RELOADS}: success or failure. */
	public static final String TAG_OUTCOME = "outcome";

	/** Counter of configuration reloads, tagged {@code outcome=success|failure}. */
	public static final String RELOADS = "zgw.config.reloads";

	/** Gauge: 1 when the last reload succeeded, 0 when it failed. */
	public static final String LAST_RELOAD_SUCCESS = "zgw.config.last.reload.success";

	private DispatchMetrics() {
	}

}
