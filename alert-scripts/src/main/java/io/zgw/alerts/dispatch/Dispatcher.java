package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.Integration;
import io.zgw.alerts.config.RateLimit;
import io.zgw.alerts.config.Receiver;
import io.zgw.alerts.escalation.EscalationPlan;
import io.zgw.alerts.flap.FlapDetection;
import io.zgw.alerts.flap.Starts;
import io.zgw.alerts.inhibit.Inhibitor;
import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.routing.RouteOptions;
import io.zgw.alerts.silence.Silencer;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import org.jspecify.annotations.Nullable;

/**
 * Dispatcher routes alerts into aggregation groups and, driven by the caller's clock,
 * flushes due groups through Alertmanager's pipeline: inhibition, active and mute time
 * intervals, silences, deduplication against the notification log. It starts no threads;
 * the caller invokes {@link #tick} when {@link #nextFlush()} is due.
 */
public final class Dispatcher {

	// The notification log key of a group's escalation: its start, and the alerts it is
	// about; its steps' integrations log under this key, the step's index and theirs.
	static final String ESCALATION_LOG_KEY = "escalation";

	// The annotation that marks an alert a route counts as flapping, in notifications.
	private static final String FLAPPING_ANNOTATION = "flapping";

	// Resolved alerts never inhibit; this only bounds the memory they hold.
	private static final Duration SOURCE_SWEEP_EVERY = Duration.ofMinutes(1);

	private final AlertmanagerConfig config;

	private final Silencer silencer;

	private final NotificationLog log;

	private final RoundRobinTurns turns;

	private final Map<GroupId, AggregationGroup> groups = new LinkedHashMap<>();

	// The same groups by when they are due: finding the next flush and the due groups
	// costs a lookup, not a pass over every group, on every step of the caller's timer.
	private final TreeMap<AggregationGroup.Due, AggregationGroup> schedule = new TreeMap<>();

	// Of those, the groups not flushed yet: a group's first notification, news of a new
	// problem, goes out before the updates and reminders of groups due as well.
	private final TreeMap<AggregationGroup.Due, AggregationGroup> firstFlushes = new TreeMap<>();

	private long groupSerial;

	// Kept up to date on every receive, so that a flush never rescans every alert.
	private final Inhibitor.Sources inhibitionSources;

	// zgw extension (rate_limit): when each rate-limited integration sent within its
	// window, oldest first.
	private final Map<String, ArrayDeque<Instant>> sends = new HashMap<>();

	// Set by a flush that needs the group flushed again before its group_interval: when
	// the earliest integration a rate limit held back may send again, or when the next
	// escalation step is reached.
	private @Nullable Instant flushAgainAt;

	private Instant nextSourceSweep = Instant.MIN;

	// zgw extension (flap_detection): when each alert started firing, for as long as a
	// route with flap detection may look back.
	private final Starts starts;

	public Dispatcher(AlertmanagerConfig config, Silencer silencer, NotificationLog log) {
		this.config = config;
		this.inhibitionSources = config.inhibitor().sources();
		this.silencer = silencer;
		this.log = log;
		this.turns = new RoundRobinTurns(log);
		// A resolution is judged by the starts in the window that ends when it came,
		// until its calm period and a group_interval have passed.
		Duration[] kept = { Duration.ZERO };
		config.route().walk((route) -> {
			FlapDetection flap = route.options().flapDetection();
			Duration needed = flap.within().plus(flap.calm()).plus(route.options().groupInterval());
			if (flap.enabled() && needed.compareTo(kept[0]) > 0) {
				kept[0] = needed;
			}
		});
		this.starts = new Starts(kept[0]);
	}

	/**
	 * Adds or replaces (by fingerprint) an alert in the groups of every route it matches.
	 * To rebuild groups after a restart or reload, receive every stored alert again: the
	 * notification log keeps already-sent notifications from repeating.
	 */
	public synchronized void receive(Alert alert, Instant now) {
		this.inhibitionSources.put(alert);
		this.starts.record(alert.fingerprint(), alert.startsAt(), now);
		for (Route route : this.config.route().match(alert.labels())) {
			LabelSet groupLabels = route.groupLabels(alert.labels());
			AggregationGroup group = this.groups.computeIfAbsent(new GroupId(route, groupLabels), (id) -> {
				AggregationGroup created = new AggregationGroup(route, groupLabels, now, this.groupSerial++);
				this.schedule.put(created.due(), created);
				this.firstFlushes.put(created.due(), created);
				return created;
			});
			AggregationGroup.Due before = group.due();
			group.insert(alert, now);
			reschedule(group, before);
		}
	}

	private void reschedule(AggregationGroup group, AggregationGroup.Due before) {
		AggregationGroup.Due after = group.due();
		if (!after.equals(before)) {
			this.schedule.remove(before);
			this.schedule.put(after, group);
			if (!group.hasFlushed) {
				this.firstFlushes.remove(before);
				this.firstFlushes.put(after, group);
			}
		}
	}

	/** Returns when the earliest group is due, or empty when there are no groups. */
	public synchronized Optional<Instant> nextFlush() {
		return this.schedule.isEmpty() ? Optional.empty() : Optional.of(this.schedule.firstKey().at());
	}

	/** Returns the current groups, ordered by group key. */
	public synchronized List<GroupSnapshot> groups() {
		return this.groups.values()
			.stream()
			.map(AggregationGroup::snapshot)
			.sorted(Comparator.comparing(GroupSnapshot::groupKey))
			.toList();
	}

	/** Returns every alert the dispatcher holds, once each. */
	public synchronized List<Alert> alerts() {
		Map<String, Alert> all = new LinkedHashMap<>();
		this.groups.values().forEach((group) -> group.alerts().forEach((a) -> all.putIfAbsent(a.fingerprint(), a)));
		return new ArrayList<>(all.values());
	}

	/** Returns whether and why the labels are silenced or inhibited at {@code now}. */
	public synchronized Muting muting(LabelSet labels, Instant now) {
		return new Muting(this.silencer.silencedBy(labels, now),
				this.inhibitionSources.inhibitedBy(labels, now).orElse(null));
	}

	/**
	 * Flushes every group due at {@code now}, treating each notification as delivered;
	 * for callers that hand notifications to a durable queue.
	 */
	public List<Notification> tick(Instant now) {
		return tick(now, (notification) -> {
		});
	}

	/**
	 * Flushes every group due at {@code now} through the notifier and returns the
	 * notifications it delivered.
	 */
	public List<Notification> tick(Instant now, Notifier notifier) {
		return tick(now, notifier, Integer.MAX_VALUE);
	}

	/**
	 * Flushes at most {@code maxGroups} of the groups due at {@code now}, those not
	 * flushed yet first, earliest due first, and returns the notifications delivered; the
	 * others stay due, so {@link #nextFlush()} is not after {@code now} while any remain.
	 */
	public synchronized List<Notification> tick(Instant now, Notifier notifier, int maxGroups) {
		Set<AggregationGroup> due = new LinkedHashSet<>();
		for (Map<AggregationGroup.Due, AggregationGroup> groups : List.of(this.firstFlushes, this.schedule)) {
			for (AggregationGroup group : groups.values()) {
				if (due.size() == maxGroups || group.nextFlush.isAfter(now)) {
					break;
				}
				due.add(group);
			}
		}
		if (due.isEmpty()) {
			return List.of();
		}
		if (!now.isBefore(this.nextSourceSweep)) {
			this.inhibitionSources.removeResolved(now);
			this.starts.forgetOld(now);
			this.nextSourceSweep = now.plus(SOURCE_SWEEP_EVERY);
		}
		List<Notification> sent = new ArrayList<>();
		for (AggregationGroup group : due) {
			AggregationGroup.Due before = group.due();
			this.firstFlushes.remove(before);
			group.nextFlush = now.plus(group.route.options().groupInterval());
			group.hasFlushed = true;
			reschedule(group, before);
			this.flushAgainAt = null;
			group.deleteIfNotModified(flush(group, now, notifier, sent));
			if (this.flushAgainAt != null && this.flushAgainAt.isBefore(group.nextFlush)) {
				// A held group tries again as soon as its receiver's window allows, and
				// an escalation step is taken when it is reached, not a whole
				// group_interval later.
				AggregationGroup.Due held = group.due();
				group.nextFlush = this.flushAgainAt;
				reschedule(group, held);
			}
			if (group.isEmpty()) {
				remove(group);
			}
		}
		return sent;
	}

	private void remove(AggregationGroup group) {
		this.groups.remove(new GroupId(group.route, group.labels));
		this.schedule.remove(group.due());
		this.firstFlushes.remove(group.due());
	}

	/**
	 * For a dispatcher rebuilt from a store (a restart, a reload, another replica's
	 * lease), call once the stored alerts were received: drops the resolved alerts the
	 * previous dispatcher had already forgotten, so that the first flush does not list
	 * them again. An alert is dropped when every integration of its route's receiver last
	 * notified its group after it resolved and was not told it fires; groups of routes
	 * with an escalation keep every alert.
	 */
	public synchronized void forgetReported(Instant now) {
		for (AggregationGroup group : List.copyOf(this.groups.values())) {
			RouteOptions options = group.route.options();
			if (!options.escalation().isEmpty()) {
				continue;
			}
			Receiver receiver = this.config.receiver(options.receiver());
			List<Alert> reported = group.alerts()
				.stream()
				.filter((alert) -> alert.resolvedAt(now) && reported(group, receiver, alert, now))
				.toList();
			group.deleteIfNotModified(reported);
			if (group.isEmpty()) {
				remove(group);
			}
		}
	}

	// Whether every integration of the receiver last heard of the group after the alert
	// resolved, and not that it fires.
	private boolean reported(AggregationGroup group, Receiver receiver, Alert alert, Instant now) {
		for (Integration integration : receiver.integrations()) {
			NotificationLogEntry entry = this.log.get(group.groupKey, receiver.integrationKey(integration), now)
				.orElse(null);
			if (entry == null || toldFiring(alert, entry) || entry.timestamp().isBefore(alert.endsAt())) {
				return false;
			}
		}
		return true;
	}

	// Returns the resolved alerts the group may forget: all of them after a successful
	// flush, none after a failed one.
	private List<Alert> flush(AggregationGroup group, Instant now, Notifier notifier, List<Notification> sent) {
		RouteOptions options = group.route.options();
		List<Alert> alerts = group.sortedAlerts();
		List<Alert> resolvedAlerts = alerts.stream().filter((alert) -> alert.resolvedAt(now)).toList();
		if (timeMuted(options, now)) {
			return forgettableWhileTimeMuted(group, resolvedAlerts, now);
		}
		Set<String> muted = new HashSet<>();
		for (Alert alert : alerts) {
			if (this.inhibitionSources.inhibitedBy(alert.labels(), now).isPresent()
					|| !this.silencer.silencedBy(alert.labels(), now).isEmpty()) {
				muted.add(alert.fingerprint());
			}
		}
		Set<String> waiting = new HashSet<>();
		boolean ok = notifyReceiver(group, new Paged(this.config.receiver(options.receiver()), "", now, 0), alerts,
				muted, waiting, now, notifier, sent);
		if (!options.escalation().isEmpty()) {
			ok &= escalate(group, alerts, muted, waiting, now, notifier, sent);
		}
		if (!ok) {
			return List.of();
		}
		return resolvedAlerts.stream().filter((alert) -> !waiting.contains(alert.fingerprint())).toList();
	}

	// Runs the group's alerts through every integration of the receiver, each with its
	// notification log entry under logPrefix + its integration key; returns whether every
	// integration delivered what it had to. Adds to waiting the alerts whose resolution
	// waits (resolve_delay).
	private boolean notifyReceiver(AggregationGroup group, Paged target, List<Alert> alerts, Set<String> muted,
			Set<String> waiting, Instant now, Notifier notifier, List<Notification> sent) {
		RouteOptions options = group.route.options();
		Receiver receiver = target.receiver();
		boolean ok = true;
		for (Integration integration : receiver.integrations()) {
			String integrationKey = receiver.integrationKey(integration);
			String logKey = target.logPrefix() + integrationKey;
			NotificationLogEntry entry = this.log.get(group.groupKey, logKey, now).orElse(null);
			List<Alert> kept = new ArrayList<>();
			Set<String> carried = new HashSet<>();
			for (Alert alert : alerts) {
				if (waitsToResolve(options, alert, entry, now)) {
					// zgw extension (resolve_delay, flap_detection): the receiver was
					// told this alert fires, and hears of its resolution only once it
					// has stayed resolved that long; firing again meanwhile changes
					// nothing for it. Until then its messages show it firing, as
					// Prometheus's keep_firing_for would, unless it is muted.
					waiting.add(alert.fingerprint());
					if (muted.contains(alert.fingerprint())) {
						carried.add(alert.fingerprint());
					}
					else {
						kept.add(flagged(options, alert, stillFiring(alert), now));
					}
				}
				else if (!muted.contains(alert.fingerprint())) {
					kept.add(flagged(options, alert, alert, now));
				}
				else if (notifiedFiring(options, alert, entry)) {
					// zgw extension (Alertmanager #226): the receiver was told this alert
					// fires, so it will hear when it resolves even though it is muted.
					if (alert.resolvedAt(now)) {
						kept.add(alert);
					}
					else {
						carried.add(alert.fingerprint());
					}
				}
			}
			try {
				Notification notification = stage(group, target, integration, integrationKey, logKey, kept, carried,
						entry, now, notifier);
				if (notification != null) {
					sent.add(notification);
				}
			}
			catch (RateLimited ex) {
				ok = false;
				flushAgainBy(ex.frees);
			}
			catch (Exception ex) {
				ok = false;
			}
		}
		return ok;
	}

	private void flushAgainBy(Instant at) {
		if (this.flushAgainAt == null || at.isBefore(this.flushAgainAt)) {
			this.flushAgainAt = at;
		}
	}

	// zgw extension (escalation): while a group has firing alerts that are neither muted
	// nor acknowledged, each step is reached "after" from when that began, and pages its
	// receiver or whoever its schedule names at that moment. A paged receiver goes on
	// hearing of the group (news, reminders, resolutions) like the route's own; a step
	// not reached yet waits while every firing alert is acknowledged. The escalation's
	// start is a notification log entry of its own, so it survives rebuilds and other
	// replicas taking over; it ends when no unmuted alert of the group fires, and the
	// next one starts a new escalation.
	private boolean escalate(AggregationGroup group, List<Alert> alerts, Set<String> muted, Set<String> waiting,
			Instant now, Notifier notifier, List<Notification> sent) {
		RouteOptions options = group.route.options();
		Set<String> firing = new LinkedHashSet<>();
		boolean unacknowledged = false;
		for (Alert alert : alerts) {
			if (!alert.resolvedAt(now) && !muted.contains(alert.fingerprint())) {
				firing.add(alert.fingerprint());
				unacknowledged |= !alert.acknowledged();
			}
		}
		NotificationLogEntry state = this.log.get(group.groupKey, ESCALATION_LOG_KEY, now).orElse(null);
		boolean running = state != null && !state.firing().isEmpty();
		Instant start = (state != null) ? state.timestamp() : null;
		if (!running && unacknowledged) {
			start = now;
			running = true;
		}
		if (start == null) {
			return true;
		}
		// The entry lists the firing alerts while the escalation runs, none once it
		// ended: an ended escalation's start only tells whom it paged, so that they hear
		// the resolutions, and an acknowledged alert firing again does not revive it.
		Set<String> escalating = running ? firing : Set.of();
		Duration keep = escalationKept(options);
		if (state == null || !state.firing().equals(escalating) || !start.equals(state.timestamp())
				|| state.expiresAt().isBefore(now.plus(keep))) {
			this.log.put(group.groupKey, ESCALATION_LOG_KEY,
					new NotificationLogEntry(escalating, Set.of(), start, now.plus(keep.multipliedBy(2))));
		}
		boolean advancing = !firing.isEmpty() && unacknowledged;
		boolean ok = true;
		for (Paged step : escalationSteps(group, start, now, advancing)) {
			boolean reached = !step.reachedAt().isAfter(now);
			if ((advancing && reached) || toldFiring(group, step.receiver(), step.logPrefix(), now)) {
				ok &= notifyReceiver(group, step, alerts, muted, waiting, now, notifier, sent);
			}
			if (advancing && !reached) {
				flushAgainBy(step.reachedAt());
			}
		}
		return ok;
	}

	// How long a group's escalation records last at least: until its last page, and a
	// repeat interval for reminders.
	private static Duration escalationKept(RouteOptions options) {
		return Collections.max(List.of(options.repeatInterval(), EscalationPlan.lastPage(options.escalation())));
	}

	// The receivers the route's escalation steps page for an escalation that began at
	// start, with their log key prefixes; a step whose schedule has nobody on call when
	// it is reached pages no one, a round-robin step the member whose turn it is when
	// it is first reached (taken while advancing). Where the last step starts the chain
	// over, each step is reached again every round: the receivers of every round
	// reached by now (the latest round's, paged again while advancing), and those of
	// each step's next round.
	private List<Paged> escalationSteps(AggregationGroup group, Instant start, Instant now, boolean advancing) {
		Map<List<Object>, Paged> paged = new LinkedHashMap<>();
		Set<Integer> upcoming = new HashSet<>();
		RouteOptions options = group.route.options();
		for (EscalationPlan.Page page : EscalationPlan.of(options.escalation(), this.config.schedules(), start)) {
			boolean reached = !page.at().isAfter(now);
			String prefix = ESCALATION_LOG_KEY + "/" + (page.step() - 1) + "/";
			Optional<String> target = page.roundRobin().isEmpty() ? page.receiver()
					: Optional.of(this.turns.member(group.groupKey, prefix, page.roundRobin(), start,
							advancing && reached, now, escalationKept(options)));
			if (target.isPresent() && (reached || upcoming.add(page.step()))) {
				paged.put(List.of(page.step(), target.get(), reached), new Paged(this.config.receiver(target.get()),
						prefix, page.at(), page.step(), advancing && reached && page.round() > 0));
			}
		}
		return new ArrayList<>(paged.values());
	}

	// Whether an integration of the receiver was told, under the log prefix, that an
	// alert of the group fires.
	private boolean toldFiring(AggregationGroup group, Receiver receiver, String logPrefix, Instant now) {
		for (Integration integration : receiver.integrations()) {
			NotificationLogEntry entry = this.log
				.get(group.groupKey, logPrefix + receiver.integrationKey(integration), now)
				.orElse(null);
			if (entry != null && !entry.firing().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	// The receiver's view of an alert whose resolution waits: firing, with no end.
	private static Alert stillFiring(Alert alert) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), null, alert.generatorUrl(),
				alert.updatedAt(), alert.acknowledged());
	}

	private boolean waitsToResolve(RouteOptions options, Alert alert, @Nullable NotificationLogEntry entry,
			Instant now) {
		if (!alert.resolvedAt(now) || !toldFiring(alert, entry)) {
			return false;
		}
		Duration delay = options.resolveDelay();
		FlapDetection flap = options.flapDetection();
		if (flap.calm().compareTo(delay) > 0 && flapping(flap, alert, now)) {
			delay = flap.calm();
		}
		return now.isBefore(alert.endsAt().plus(delay));
	}

	// zgw extension (flap_detection): whether the alert started firing often enough
	// within the window that ends now, or when it resolved.
	private boolean flapping(FlapDetection flap, Alert alert, Instant now) {
		return flap.enabled() && this.starts.within(alert.fingerprint(), flap.within(),
				alert.resolvedAt(now) ? alert.endsAt() : now) >= flap.starts();
	}

	// The receiver's view of an alert: marked with the annotation "flapping" while the
	// route counts it as flapping, so that a template can say so.
	private Alert flagged(RouteOptions options, Alert alert, Alert view, Instant now) {
		if (!flapping(options.flapDetection(), alert, now)) {
			return view;
		}
		Map<String, String> annotations = new HashMap<>(view.annotations());
		annotations.put(FLAPPING_ANNOTATION, "true");
		return new Alert(view.labels(), annotations, view.startsAt(), view.endsAt(), view.generatorUrl(),
				view.updatedAt(), view.acknowledged());
	}

	// A group muted by time sends nothing, as in Alertmanager. zgw extension: an
	// alert the receiver was told fires and that resolves meanwhile is held, with
	// the log entry that says so, and its resolution is sent at the first flush
	// after the mute ends; Alertmanager forgets it, and the receiver's incident
	// stays open.
	private List<Alert> forgettableWhileTimeMuted(AggregationGroup group, List<Alert> resolvedAlerts, Instant now) {
		RouteOptions options = group.route.options();
		if (!options.notifyResolvedWhenMuted() || resolvedAlerts.isEmpty()) {
			return resolvedAlerts;
		}
		Set<String> held = new HashSet<>();
		List<Paged> paged = new ArrayList<>();
		paged.add(new Paged(this.config.receiver(options.receiver()), "", now, 0));
		if (!options.escalation().isEmpty()) {
			this.log.get(group.groupKey, ESCALATION_LOG_KEY, now)
				.ifPresent((state) -> paged.addAll(escalationSteps(group, state.timestamp(), now, false)));
		}
		for (Paged target : paged) {
			for (Integration integration : target.receiver().integrations()) {
				String logKey = target.logPrefix() + target.receiver().integrationKey(integration);
				NotificationLogEntry entry = this.log.get(group.groupKey, logKey, now).orElse(null);
				boolean holds = false;
				for (Alert alert : resolvedAlerts) {
					if (notifiedFiring(options, alert, entry)) {
						held.add(alert.fingerprint());
						holds = true;
					}
				}
				if (holds) {
					keepAlive(group, logKey, entry, now);
				}
			}
		}
		return resolvedAlerts.stream().filter((alert) -> !held.contains(alert.fingerprint())).toList();
	}

	// Keeps the log entry of a group that holds muted alerts the receiver was told fire
	// from expiring, however long the mute lasts.
	private void keepAlive(AggregationGroup group, String logKey, NotificationLogEntry entry, Instant now) {
		RouteOptions options = group.route.options();
		if (entry.expiresAt().isBefore(now.plus(options.repeatInterval()))) {
			this.log.put(group.groupKey, logKey, new NotificationLogEntry(entry.firing(), entry.resolved(),
					entry.timestamp(), now.plus(options.repeatInterval().multipliedBy(2))));
		}
	}

	private static boolean notifiedFiring(RouteOptions options, Alert alert, @Nullable NotificationLogEntry entry) {
		return options.notifyResolvedWhenMuted() && toldFiring(alert, entry);
	}

	// Whether the integration's last notification told the receiver this alert fires.
	private static boolean toldFiring(Alert alert, @Nullable NotificationLogEntry entry) {
		return entry != null && entry.firing().contains(alert.fingerprint());
	}

	private boolean timeMuted(RouteOptions options, Instant now) {
		for (String name : options.muteTimeIntervals()) {
			if (this.config.timeIntervals().get(name).contains(now)) {
				return true;
			}
		}
		if (options.activeTimeIntervals().isEmpty()) {
			return false;
		}
		for (String name : options.activeTimeIntervals()) {
			NamedTimeInterval interval = this.config.timeIntervals().get(name);
			if (interval.contains(now)) {
				return false;
			}
		}
		return true;
	}

	// Dedup, send_resolved filtering, truncation, delivery and logging for one
	// integration; returns the delivered notification, or null when nothing was sent.
	// "carried" are muted, still firing alerts the receiver was told about: they stay in
	// the logged firing set so that their resolution is still notified.
	private @Nullable Notification stage(AggregationGroup group, Paged target, Integration integration,
			String integrationKey, String logKey, List<Alert> alerts, Set<String> carried,
			@Nullable NotificationLogEntry entry, Instant now, Notifier notifier) throws Exception {
		RouteOptions options = group.route.options();
		Receiver receiver = target.receiver();
		Instant expiresAt = now.plus(options.repeatInterval().multipliedBy(2));
		if (alerts.isEmpty()) {
			if (entry != null && !carried.isEmpty()) {
				keepAlive(group, logKey, entry, now);
			}
			return null;
		}
		Set<String> firing = new LinkedHashSet<>();
		Set<String> resolved = new LinkedHashSet<>();
		for (Alert alert : alerts) {
			(alert.resolvedAt(now) ? resolved : firing).add(alert.fingerprint());
		}
		// zgw extension: a step reached again as its chain started over pages again,
		// though nothing changed.
		boolean repaged = target.repage() && entry != null && entry.timestamp().isBefore(target.reachedAt());
		if (!repaged && !needsUpdate(entry, firing, resolved, integration.sendResolved(), options, now)) {
			return null;
		}
		if (!repaged && !options.repeatAcknowledged() && !changed(entry, firing, resolved, integration.sendResolved())
				&& alerts.stream().filter((alert) -> !alert.resolvedAt(now)).allMatch(Alert::acknowledged)) {
			// zgw extension (repeat_acknowledged: false): only a reminder is due and
			// somebody took every firing alert on. The entry is kept, not renewed, so
			// the reminder goes out once one of them is no longer acknowledged.
			keepAlive(group, logKey, entry, now);
			return null;
		}
		Set<String> logged = new LinkedHashSet<>(firing);
		logged.addAll(carried);
		NotificationLogEntry next = new NotificationLogEntry(logged, resolved, now, expiresAt);
		List<Alert> toSend = integration.sendResolved() ? alerts
				: alerts.stream().filter((alert) -> !alert.resolvedAt(now)).toList();
		if (toSend.isEmpty()) {
			// Only resolved alerts and the integration does not want them: log them so
			// that the firing set is cleared, send nothing.
			this.log.put(group.groupKey, logKey, next);
			return null;
		}
		int max = integration.maxAlerts();
		int truncated = (max > 0 && toSend.size() > max) ? toSend.size() - max : 0;
		// As Alertmanager's webhook and incident.io notifiers: truncate first, then
		// derive status and common labels.
		List<Alert> payload = toSend.subList(0, toSend.size() - truncated);
		Notification notification = new Notification(receiver.name(), integration, integrationKey, group.groupKey,
				group.labels, commonLabels(payload), commonAnnotations(payload), payload, truncated, group.route, now,
				target.step());
		RateLimit limit = receiver.rateLimit();
		if (limit != null && overLimit(integrationKey, limit, now)) {
			// Like a failed delivery: nothing logged, no resolved alert
			// forgotten, so the group tries again later with its state then.
			notifier.rateLimited(notification);
			throw new RateLimited(this.sends.get(integrationKey).peekFirst().plus(limit.per()));
		}
		notifier.deliver(notification);
		if (limit != null) {
			this.sends.computeIfAbsent(integrationKey, (key) -> new ArrayDeque<>()).addLast(now);
		}
		this.log.put(group.groupKey, logKey, next);
		return notification;
	}

	/**
	 * Returns how far back a start can matter to flap detection (zero when no route
	 * detects flapping), for a caller that rebuilds the dispatcher from a store.
	 */
	public Duration startsLookback() {
		return this.starts.window();
	}

	/**
	 * Counts a start of the alert before this dispatcher was built that the alerts it
	 * receives do not show (an earlier occurrence than the one the store kept).
	 */
	public synchronized void startedBefore(String fingerprint, Instant at, Instant now) {
		this.starts.record(fingerprint, at, now);
	}

	/**
	 * Takes over the starts the previous dispatcher saw, so that a reload does not make a
	 * flapping alert look steady.
	 */
	public synchronized void takeStartsFrom(Dispatcher previous) {
		synchronized (previous) {
			this.starts.addAll(previous.starts);
		}
	}

	/**
	 * Counts a notification an integration sent at {@code at}, before this dispatcher was
	 * built (a reload, or another replica's lease), against its receiver's
	 * {@code rate_limit}; call in time order.
	 */
	public synchronized void sentBefore(String integrationKey, Instant at) {
		this.sends.computeIfAbsent(integrationKey, (key) -> new ArrayDeque<>()).addLast(at);
	}

	// Whether the integration already sent its limit within the window ending now.
	private boolean overLimit(String integrationKey, RateLimit limit, Instant now) {
		ArrayDeque<Instant> sent = this.sends.get(integrationKey);
		if (sent == null) {
			return false;
		}
		Instant windowStart = now.minus(limit.per());
		while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
			sent.removeFirst();
		}
		return sent.size() >= limit.max();
	}

	// A notification held back by its receiver's rate_limit.
	private static final class RateLimited extends Exception {

		private static final long serialVersionUID = 1L;

		// When the integration's oldest send in the window leaves it.
		final Instant frees;

		RateLimited(Instant frees) {
			super("rate limited", null, false, false);
			this.frees = frees;
		}

	}

	// Alertmanager's DedupStage.needsUpdate: news for the receiver, or a reminder due.
	static boolean needsUpdate(@Nullable NotificationLogEntry entry, Set<String> firing, Set<String> resolved,
			boolean sendResolved, RouteOptions options, Instant now) {
		return changed(entry, firing, resolved, sendResolved) || (entry != null && !firing.isEmpty()
				&& entry.timestamp().isBefore(now.minus(options.repeatInterval())));
	}

	// Whether the receiver would learn something its last notification did not say.
	private static boolean changed(@Nullable NotificationLogEntry entry, Set<String> firing, Set<String> resolved,
			boolean sendResolved) {
		if (entry == null) {
			return !firing.isEmpty();
		}
		if (!entry.firing().containsAll(firing)) {
			return true;
		}
		if (firing.isEmpty()) {
			// Everything resolved: notify only if the receiver had been told about firing
			// alerts; alerts that fired and resolved between flushes are news to no one.
			return !entry.firing().isEmpty();
		}
		return sendResolved && !entry.resolved().containsAll(resolved);
	}

	private static LabelSet commonLabels(List<Alert> alerts) {
		Map<String, String> common = new HashMap<>(alerts.get(0).labels().asMap());
		for (Alert alert : alerts) {
			common.entrySet().removeIf((e) -> !e.getValue().equals(alert.labels().get(e.getKey())));
		}
		return LabelSet.of(common);
	}

	private static Map<String, String> commonAnnotations(List<Alert> alerts) {
		Map<String, String> common = new HashMap<>(alerts.get(0).annotations());
		for (Alert alert : alerts) {
			common.entrySet().removeIf((e) -> !e.getValue().equals(alert.annotations().get(e.getKey())));
		}
		return common;
	}

	private record GroupId(Route route, LabelSet labels) {
	}

	// A receiver a group's notifications go to, the prefix of its integrations' log keys,
	// from when, the escalation step that pages it (from 1; 0: the route's own), and
	// whether it is paged again at reachedAt, its chain having started over.
	private record Paged(Receiver receiver, String logPrefix, Instant reachedAt, int step, boolean repage) {

		Paged(Receiver receiver, String logPrefix, Instant reachedAt, int step) {
			this(receiver, logPrefix, reachedAt, step, false);
		}

	}

}
