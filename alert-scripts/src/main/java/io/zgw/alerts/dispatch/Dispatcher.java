package io.zgw.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

	// Resolved alerts never inhibit; this only bounds the memory they hold.
	private static final Duration SOURCE_SWEEP_EVERY = Duration.ofMinutes(1);

	private final AlertmanagerConfig config;

	private final Silencer silencer;

	private final NotificationLog log;

	private final Map<GroupId, AggregationGroup> groups = new LinkedHashMap<>();

	// The same groups by when they are due: finding the next flush and the due groups
	// costs a lookup, not a pass over every group, on every step of the caller's timer.
	private final TreeMap<AggregationGroup.Due, AggregationGroup> schedule = new TreeMap<>();

	private long groupSerial;

	// Kept up to date on every receive, so that a flush never rescans every alert.
	private final Inhibitor.Sources inhibitionSources;

	// zgw extension (rate_limit): when each rate-limited integration sent within its
	// window, oldest first.
	private final Map<String, ArrayDeque<Instant>> sends = new HashMap<>();

	// Set by a flush a rate limit held back: when the earliest held integration's
	// window lets a send through again.
	private @Nullable Instant rateLimitFrees;

	private Instant nextSourceSweep = Instant.MIN;

	public Dispatcher(AlertmanagerConfig config, Silencer silencer, NotificationLog log) {
		this.config = config;
		this.inhibitionSources = config.inhibitor().sources();
		this.silencer = silencer;
		this.log = log;
	}

	/**
	 * Adds or replaces (by fingerprint) an alert in the groups of every route it matches.
	 * To rebuild groups after a restart or reload, receive every stored alert again: the
	 * notification log keeps already-sent notifications from repeating.
	 */
	public synchronized void receive(Alert alert, Instant now) {
		this.inhibitionSources.put(alert);
		for (Route route : this.config.route().match(alert.labels())) {
			LabelSet groupLabels = route.groupLabels(alert.labels());
			AggregationGroup group = this.groups.computeIfAbsent(new GroupId(route, groupLabels), (id) -> {
				AggregationGroup created = new AggregationGroup(route, groupLabels, now, this.groupSerial++);
				this.schedule.put(created.due(), created);
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
	 * Flushes at most {@code maxGroups} of the groups due at {@code now}, earliest due
	 * first, and returns the notifications delivered; the others stay due, so
	 * {@link #nextFlush()} is not after {@code now} while any remain.
	 */
	public synchronized List<Notification> tick(Instant now, Notifier notifier, int maxGroups) {
		List<AggregationGroup> due = new ArrayList<>();
		for (AggregationGroup group : this.schedule.values()) {
			if (due.size() == maxGroups || group.nextFlush.isAfter(now)) {
				break;
			}
			due.add(group);
		}
		if (due.isEmpty()) {
			return List.of();
		}
		if (!now.isBefore(this.nextSourceSweep)) {
			this.inhibitionSources.removeResolved(now);
			this.nextSourceSweep = now.plus(SOURCE_SWEEP_EVERY);
		}
		List<Notification> sent = new ArrayList<>();
		for (AggregationGroup group : due) {
			AggregationGroup.Due before = group.due();
			group.nextFlush = now.plus(group.route.options().groupInterval());
			group.hasFlushed = true;
			reschedule(group, before);
			this.rateLimitFrees = null;
			group.deleteIfNotModified(flush(group, now, notifier, sent));
			if (this.rateLimitFrees != null && this.rateLimitFrees.isBefore(group.nextFlush)) {
				// A held group tries again as soon as its receiver's window allows, not
				// a whole group_interval later.
				AggregationGroup.Due held = group.due();
				group.nextFlush = this.rateLimitFrees;
				reschedule(group, held);
			}
			if (group.isEmpty()) {
				this.groups.remove(new GroupId(group.route, group.labels));
				this.schedule.remove(group.due());
			}
		}
		return sent;
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
		Receiver receiver = this.config.receiver(options.receiver());
		boolean ok = true;
		Set<String> waiting = new HashSet<>();
		for (Integration integration : receiver.integrations()) {
			String integrationKey = receiver.integrationKey(integration);
			NotificationLogEntry entry = this.log.get(group.groupKey, integrationKey, now).orElse(null);
			List<Alert> kept = new ArrayList<>();
			Set<String> carried = new HashSet<>();
			for (Alert alert : alerts) {
				if (waitsToResolve(options, alert, entry, now)) {
					// zgw extension (resolve_delay): the receiver was told this
					// alert fires, and hears of its resolution only once it has
					// stayed resolved that long; firing again meanwhile changes
					// nothing for it. Until then its messages show it firing, as
					// Prometheus's keep_firing_for would, unless it is muted.
					waiting.add(alert.fingerprint());
					if (muted.contains(alert.fingerprint())) {
						carried.add(alert.fingerprint());
					}
					else {
						kept.add(stillFiring(alert));
					}
				}
				else if (!muted.contains(alert.fingerprint())) {
					kept.add(alert);
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
				Notification notification = stage(group, receiver, integration, integrationKey, kept, carried, entry,
						now, notifier);
				if (notification != null) {
					sent.add(notification);
				}
			}
			catch (RateLimited ex) {
				ok = false;
				if (this.rateLimitFrees == null || ex.frees.isBefore(this.rateLimitFrees)) {
					this.rateLimitFrees = ex.frees;
				}
			}
			catch (Exception ex) {
				ok = false;
			}
		}
		if (!ok) {
			return List.of();
		}
		return resolvedAlerts.stream().filter((alert) -> !waiting.contains(alert.fingerprint())).toList();
	}

	// The receiver's view of an alert whose resolution waits: firing, with no end.
	private static Alert stillFiring(Alert alert) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), null, alert.generatorUrl(),
				alert.updatedAt(), alert.acknowledged());
	}

	private static boolean waitsToResolve(RouteOptions options, Alert alert, @Nullable NotificationLogEntry entry,
			Instant now) {
		return !options.resolveDelay().isZero() && alert.resolvedAt(now) && toldFiring(alert, entry)
				&& now.isBefore(alert.endsAt().plus(options.resolveDelay()));
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
		Receiver receiver = this.config.receiver(options.receiver());
		for (Integration integration : receiver.integrations()) {
			String integrationKey = receiver.integrationKey(integration);
			NotificationLogEntry entry = this.log.get(group.groupKey, integrationKey, now).orElse(null);
			boolean holds = false;
			for (Alert alert : resolvedAlerts) {
				if (notifiedFiring(options, alert, entry)) {
					held.add(alert.fingerprint());
					holds = true;
				}
			}
			if (holds) {
				keepAlive(group, integrationKey, entry, now);
			}
		}
		return resolvedAlerts.stream().filter((alert) -> !held.contains(alert.fingerprint())).toList();
	}

	// Keeps the log entry of a group that holds muted alerts the receiver was told fire
	// from expiring, however long the mute lasts.
	private void keepAlive(AggregationGroup group, String integrationKey, NotificationLogEntry entry, Instant now) {
		RouteOptions options = group.route.options();
		if (entry.expiresAt().isBefore(now.plus(options.repeatInterval()))) {
			this.log.put(group.groupKey, integrationKey, new NotificationLogEntry(entry.firing(), entry.resolved(),
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
	private @Nullable Notification stage(AggregationGroup group, Receiver receiver, Integration integration,
			String integrationKey, List<Alert> alerts, Set<String> carried, @Nullable NotificationLogEntry entry,
			Instant now, Notifier notifier) throws Exception {
		RouteOptions options = group.route.options();
		Instant expiresAt = now.plus(options.repeatInterval().multipliedBy(2));
		if (alerts.isEmpty()) {
			if (entry != null && !carried.isEmpty()) {
				keepAlive(group, integrationKey, entry, now);
			}
			return null;
		}
		Set<String> firing = new LinkedHashSet<>();
		Set<String> resolved = new LinkedHashSet<>();
		for (Alert alert : alerts) {
			(alert.resolvedAt(now) ? resolved : firing).add(alert.fingerprint());
		}
		if (!needsUpdate(entry, firing, resolved, integration.sendResolved(), options, now)) {
			return null;
		}
		if (!options.repeatAcknowledged() && !changed(entry, firing, resolved, integration.sendResolved())
				&& alerts.stream().filter((alert) -> !alert.resolvedAt(now)).allMatch(Alert::acknowledged)) {
			// zgw extension (repeat_acknowledged: false): only a reminder is due and
			// somebody took every firing alert on. The entry is kept, not renewed, so
			// the reminder goes out once one of them is no longer acknowledged.
			keepAlive(group, integrationKey, entry, now);
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
			this.log.put(group.groupKey, integrationKey, next);
			return null;
		}
		int max = integration.maxAlerts();
		int truncated = (max > 0 && toSend.size() > max) ? toSend.size() - max : 0;
		// As Alertmanager's webhook and incident.io notifiers: truncate first, then
		// derive status and common labels.
		List<Alert> payload = toSend.subList(0, toSend.size() - truncated);
		Notification notification = new Notification(receiver.name(), integration, integrationKey, group.groupKey,
				group.labels, commonLabels(payload), commonAnnotations(payload), payload, truncated, group.route, now);
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
		this.log.put(group.groupKey, integrationKey, next);
		return notification;
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

}
