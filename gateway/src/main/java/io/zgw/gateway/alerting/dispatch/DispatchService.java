package io.zgw.gateway.alerting.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.Receiver;
import io.zgw.alerts.dispatch.Dispatcher;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.escalation.EscalationPlan;

import io.zgw.alerts.model.Alert;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.notify.OutboxNotifier;
import io.zgw.gateway.notify.outbox.JooqOutboxQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * DispatchService runs the alert-rule library's {@link Dispatcher} in the gateway: one
 * thread sleeps until the earliest group is due, flushes it into the outbox (enqueue and
 * notification log in one transaction, sent as one query) and nudges delivery. Only the
 * holder of the dispatch lease flushes; a new holder rebuilds its groups from the stored
 * alerts.
 */
public final class DispatchService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchService.class);

	private final RoutingFile routing;

	private final AlertReader reader;

	private final StoredSilencer silencer;

	private final JdbcNotificationLog notificationLog;

	private final OutboxFlush outbox;

	// Told what a flush committed: it nudges delivery.
	private final Consumer<List<Notification>> afterFlush;

	private final DispatchLease lease;

	private final Clock clock;

	private final DispatchProperties properties;

	private final Counter notifications;

	private final Counter flushFailures;

	private final Timer flushLag;

	private final MeterRegistry meters;

	static final Duration FIRST_FLUSH_RETRY = Duration.ofMillis(100);

	static final Duration MAX_FLUSH_RETRY = Duration.ofSeconds(5);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = this.lock.newCondition();

	// Serialises flushes with rebuilds, so a rebuild reads the notification log only
	// after a running flush committed.
	private final ReentrantLock flushLock = new ReentrantLock();

	private boolean woken;

	private volatile Dispatcher dispatcher;

	// Goes with the dispatcher: replaced with it, under the lock.
	private SharedProblems problems = new SharedProblems();

	private @Nullable List<StoredAlert> arrivedDuringRebuild;

	// Committed alerts not yet in the groups. The writers only append here: a flush holds
	// the dispatcher for its whole transaction, and ingestion must not wait for it.
	private List<StoredAlert> pending = new ArrayList<>();

	private boolean leader;

	private @Nullable Instant nextRenewal;

	// This process's writer name: its own writes arrive through the commit feed.
	private final String writer;

	// Alerts other replicas stored up to here (less the overlap) are in the groups; null
	// until the groups were built from the store.
	private volatile @Nullable Instant storeWatermark;

	private Instant nextStorePoll = Instant.MIN;

	// After a failed flush the groups are rebuilt and due again at once: the next flush
	// waits, doubling from FIRST_FLUSH_RETRY up to MAX_FLUSH_RETRY while they fail.
	private Instant flushRetryAt = Instant.MIN;

	private Duration flushRetry = Duration.ZERO;

	private volatile @Nullable Thread thread;

	private final AcknowledgedOccurrences acknowledgements = new AcknowledgedOccurrences();

	// After taking the lease over: since when nobody dispatched (the previous holder's
	// last renewal), and until when rebuilds hold the alerts whose end passed meanwhile.
	private @Nullable Instant unattendedSince;

	private Instant holdUntil = Instant.MIN;

	DispatchService(RoutingFile routing, AlertReader reader, StoredSilencer silencer,
			JdbcNotificationLog notificationLog, OutboxFlush outbox, Consumer<List<Notification>> afterFlush,
			DispatchLease lease, String writer, Clock clock, DispatchProperties properties, MeterRegistry meters) {
		this.routing = routing;
		this.reader = reader;
		this.silencer = silencer;
		this.notificationLog = notificationLog;
		this.outbox = outbox;
		this.afterFlush = afterFlush;
		this.lease = lease;
		this.writer = writer;
		this.clock = clock;
		this.properties = properties;
		this.notifications = meters.counter(DispatchMetrics.NOTIFICATIONS);
		this.flushFailures = meters.counter(DispatchMetrics.FLUSH_FAILURES);
		this.flushLag = Timer.builder(DispatchMetrics.FLUSH_LAG).publishPercentileHistogram().register(meters);
		this.meters = meters;
		this.dispatcher = new Dispatcher(routing.config(), silencer, notificationLog);
	}

	/**
	 * Queues committed alerts for the groups (on the lease holder) and wakes the timer,
	 * which adds them before its next flush; never waits for a running flush.
	 */
	public void received(List<StoredAlert> committed) {
		this.lock.lock();
		try {
			if (!this.leader) {
				// Only the lease holder keeps groups; a new holder rebuilds from the
				// store.
				return;
			}
			if (this.arrivedDuringRebuild != null) {
				this.arrivedDuringRebuild.addAll(committed);
			}
			this.pending.addAll(committed);
			this.woken = true;
			this.wake.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	// A rebuilt dispatcher counts what each rate-limited receiver was sent within the
	// longest window against its rate_limit (the dispatcher drops what is older than the
	// receiver's own), so a reload or a new lease holder does not grant a fresh budget in
	// the middle of a storm.
	private void countRecentSends(Dispatcher rebuilt, AlertmanagerConfig config, Instant now) {
		List<Receiver> limited = config.receivers()
			.values()
			.stream()
			.filter((receiver) -> receiver.rateLimit() != null)
			.toList();
		if (limited.isEmpty()) {
			return;
		}
		Duration longest = Collections.max(limited.stream().map((receiver) -> receiver.rateLimit().per()).toList());
		for (JooqOutboxQueue.Enqueued sent : this.outbox.enqueuedSince(limited.stream().map(Receiver::name).toList(),
				now.minus(longest))) {
			rebuilt.sentBefore(OutboxNotifier.integrationKey(sent.receiver(), sent.integration()), sent.at());
		}
	}

	// Flap detection counts each alert's starts. The store keeps one row per
	// Alertmanager-API alert, its latest start; the earlier ones are in its history, as
	// received, before the latest began. (A Zabbix problem's events are rows of their
	// own.)
	private void countEarlierStarts(Dispatcher rebuilt, List<StoredAlert> stored, Instant now) {
		Duration lookback = rebuilt.startsLookback();
		if (lookback.isZero()) {
			return;
		}
		Map<String, Instant> latest = new HashMap<>();
		for (StoredAlert alert : stored) {
			if (alert.alertKey().startsWith(AlertUpsert.KEY_PREFIX)) {
				latest.put(alert.alertKey(), alert.startsAt());
			}
		}
		for (AlertReader.Start start : this.reader.startsSince(latest.keySet(), now.minus(lookback))) {
			if (start.at().isBefore(latest.get(start.alertKey()))) {
				rebuilt.startedBefore(start.fingerprint(), start.at(), now);
			}
		}
	}

	// Adds to the alerts read for a rebuild those resolved longer ago than the look-back
	// that a receiver was told fire and was not told resolved (a group muted by time
	// holds them until the mute ends): of each fingerprint, the latest stored alert.
	private List<StoredAlert> withNotifiedFiring(List<StoredAlert> stored, Instant now) {
		Set<String> missing = new HashSet<>(this.notificationLog.notifiedFiring(now));
		for (StoredAlert alert : stored) {
			missing.remove(alert.fingerprint());
		}
		if (missing.isEmpty()) {
			return stored;
		}
		Map<String, StoredAlert> latest = new LinkedHashMap<>();
		for (StoredAlert alert : this.reader.byFingerprints(missing)) {
			latest.put(alert.fingerprint(), alert);
		}
		log.info("Rebuilding with {} alerts resolved before the look-back whose resolution a receiver has not "
				+ "been told yet", latest.size());
		List<StoredAlert> all = new ArrayList<>(latest.values());
		all.addAll(stored);
		return all;
	}

	private Counter escalationPages(int step) {
		return this.meters.counter(DispatchMetrics.ESCALATION_PAGES, DispatchMetrics.TAG_STEP, Integer.toString(step));
	}

	/**
	 * Registers the escalation pages' counter at 0 for every step that pages in the
	 * configuration, so that a dashboard or rule finds the series before the first page.
	 */
	public void registerEscalationSteps(AlertmanagerConfig config) {
		int[] steps = { 0 };
		config.route()
			.walk((route) -> steps[0] = Math.max(steps[0],
					EscalationPlan.pagingSteps(route.options().escalation()).size()));
		for (int step = 1; step <= steps[0]; step++) {
			escalationPages(step);
		}
	}

	/**
	 * Rebuilds the groups with the given configuration from the stored alerts (firing, or
	 * resolved within the look-back); the notification log keeps already-sent
	 * notifications from repeating.
	 */
	public void rebuild(AlertmanagerConfig config) {
		this.flushLock.lock();
		try {
			// Read the store without holding up the commit feed: commits arriving
			// meanwhile are buffered and replayed onto the rebuilt groups (replaying one
			// the read already saw changes nothing).
			List<StoredAlert> arrived = new ArrayList<>();
			this.lock.lock();
			try {
				this.arrivedDuringRebuild = arrived;
			}
			finally {
				this.lock.unlock();
			}
			Instant now = this.clock.instant();
			// Another holder may have written the log, or a rolled-back flush left
			// entries that were never committed.
			try {
				this.notificationLog.reload(now);
			}
			catch (RuntimeException ex) {
				log.warn("Could not read the notification log ahead, reading it per group: {}", ex.toString());
			}
			Dispatcher rebuilt = new Dispatcher(config, this.silencer, this.notificationLog);
			SharedProblems rebuiltProblems = new SharedProblems();
			// A reload keeps the starts seen so far.
			rebuilt.takeStartsFrom(this.dispatcher);
			List<StoredAlert> stored;
			try {
				stored = withNotifiedFiring(this.reader.endingAfter(now.minus(this.properties.resolvedLookback())),
						now);
				countRecentSends(rebuilt, config, now);
				countEarlierStarts(rebuilt, stored, now);
			}
			catch (RuntimeException ex) {
				// Keep the groups we have.
				this.lock.lock();
				try {
					this.arrivedDuringRebuild = null;
				}
				finally {
					this.lock.unlock();
				}
				throw ex;
			}
			for (StoredAlert alert : stored) {
				this.acknowledgements.learn(alert);
				rebuilt.receive(held(toAlert(rebuiltProblems.fold(alert, now)), now), now);
			}
			rebuilt.forgetReported(now);
			this.lock.lock();
			try {
				for (StoredAlert alert : arrived) {
					rebuilt.receive(toAlert(rebuiltProblems.fold(alert, now)), now);
				}
				this.arrivedDuringRebuild = null;
				this.dispatcher = rebuilt;
				this.problems = rebuiltProblems;
				this.storeWatermark = now;
				this.woken = true;
				this.wake.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
		finally {
			this.flushLock.unlock();
		}
	}

	/**
	 * Renews or takes the lease when due and, while holding it, flushes every due group;
	 * returns how long the timer may sleep before the next step.
	 */
	Duration step() {
		Instant now = this.clock.instant();
		if (!holdsLease(now)) {
			return Duration.between(now, this.nextRenewal);
		}
		// Before the commit feed: an alert this replica rewrote after the poll's read
		// then replaces the older version the poll found.
		pollStore(now);
		receivePending(now);
		Optional<Instant> due = this.dispatcher.nextFlush().map(this::notBeforeRetry);
		if (due.isPresent() && !due.get().isAfter(now)) {
			flush(now);
			this.flushLag.record(Duration.between(due.get(), this.clock.instant()));
			due = this.dispatcher.nextFlush().map(this::notBeforeRetry);
		}
		Instant wakeAt = this.nextRenewal;
		if (due.isPresent() && due.get().isBefore(wakeAt)) {
			wakeAt = due.get();
		}
		if (polling() && this.nextStorePoll.isBefore(wakeAt)) {
			wakeAt = this.nextStorePoll;
		}
		Duration wait = Duration.between(now, wakeAt);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private Instant notBeforeRetry(Instant due) {
		return due.isBefore(this.flushRetryAt) ? this.flushRetryAt : due;
	}

	private boolean polling() {
		return !this.properties.storePoll().isZero();
	}

	// Alerts posted to other replicas reach the lease holder through the store only.
	private void pollStore(Instant now) {
		Instant since = this.storeWatermark;
		if (!polling() || since == null || now.isBefore(this.nextStorePoll)) {
			return;
		}
		this.nextStorePoll = now.plus(this.properties.storePoll());
		List<StoredAlert> others;
		try {
			others = this.reader.writtenByOthersSince(since.minus(this.properties.storePollOverlap()), this.writer);
		}
		catch (RuntimeException ex) {
			// The watermark stays, so the next poll reads these writes again.
			log.warn("Reading alerts stored by other replicas failed: {}", ex.toString());
			return;
		}
		this.storeWatermark = now;
		Dispatcher current;
		SharedProblems shared;
		this.lock.lock();
		try {
			current = this.dispatcher;
			shared = this.problems;
		}
		finally {
			this.lock.unlock();
		}
		for (StoredAlert alert : others) {
			this.acknowledgements.learn(alert);
			current.receive(toAlert(shared.fold(alert, now)), now);
		}
	}

	private void receivePending(Instant now) {
		List<StoredAlert> arrived;
		Dispatcher current;
		SharedProblems shared;
		this.lock.lock();
		try {
			arrived = this.pending;
			this.pending = new ArrayList<>();
			current = this.dispatcher;
			shared = this.problems;
		}
		finally {
			this.lock.unlock();
		}
		for (StoredAlert alert : arrived) {
			current.receive(toAlert(shared.fold(alert, now)), now);
		}
	}

	/** Returns whether this replica holds the dispatch lease (as of its last renewal). */
	public boolean leader() {
		this.lock.lock();
		try {
			return this.leader;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Returns the current dispatcher, for read-only views. */
	public Dispatcher dispatcher() {
		return this.dispatcher;
	}

	private boolean holdsLease(Instant now) {
		if (this.nextRenewal != null && now.isBefore(this.nextRenewal)) {
			return leader();
		}
		boolean held;
		Optional<Instant> othersLastRenewal = Optional.empty();
		try {
			if (!leader()) {
				othersLastRenewal = this.lease.othersLastRenewal();
			}
			held = this.lease.acquire(now);
		}
		catch (RuntimeException ex) {
			log.warn("Dispatch lease could not be renewed, not dispatching: {}", ex.toString());
			held = false;
		}
		this.nextRenewal = now.plus(this.properties.leaseRenew());
		boolean was;
		this.lock.lock();
		try {
			was = this.leader;
			// Set before the rebuild: alerts committed from now on are received, and
			// the rebuild reads every alert committed before.
			this.leader = held;
		}
		finally {
			this.lock.unlock();
		}
		if (held && !was) {
			log.info("Took the dispatch lease as {}; rebuilding alert groups from the store", this.lease.holder());
			this.unattendedSince = othersLastRenewal.orElse(null);
			this.holdUntil = now.plus(this.routing.resolveTimeout());
			rebuild(this.routing.config());
		}
		else if (!held && was) {
			log.warn("Lost the dispatch lease; {} stops dispatching", this.lease.holder());
			this.lock.lock();
			try {
				this.dispatcher = new Dispatcher(this.routing.config(), this.silencer, this.notificationLog);
				this.problems = new SharedProblems();
				this.pending = new ArrayList<>();
				this.notificationLog.forget();
			}
			finally {
				this.lock.unlock();
			}
		}
		return held;
	}

	private void flush(Instant now) {
		List<Notification> sent = new ArrayList<>();
		this.flushLock.lock();
		try {
			Dispatcher current = this.dispatcher;
			this.silencer.refresh(now);
			// The outbox rows and notification log entries of the groups flushed are
			// written together at the end, one transaction in one round trip, not per
			// group. A burst of due groups is split: the step loop flushes the rest at
			// once.
			current.tick(now, this.outbox.collector(sent), this.properties.flushMaxGroups());
			this.outbox.write(sent, this.notificationLog.takePending());
			this.flushRetry = Duration.ZERO;
		}
		catch (RuntimeException ex) {
			// The groups may think something was sent that was rolled back: start again
			// from the store and the notification log.
			this.flushFailures.increment();
			Duration doubled = this.flushRetry.multipliedBy(2);
			this.flushRetry = this.flushRetry.isZero() ? FIRST_FLUSH_RETRY
					: (doubled.compareTo(MAX_FLUSH_RETRY) < 0) ? doubled : MAX_FLUSH_RETRY;
			this.flushRetryAt = this.clock.instant().plus(this.flushRetry);
			log.warn("Dispatch flush failed, rebuilding alert groups; next flush in {} ms: {}",
					this.flushRetry.toMillis(), ex.toString());
			rebuild(this.routing.config());
			return;
		}
		finally {
			this.flushLock.unlock();
		}
		if (!sent.isEmpty()) {
			this.notifications.increment(sent.size());
			for (Notification notification : sent) {
				if (notification.escalationStep() > 0) {
					escalationPages(notification.escalationStep()).increment();
				}
			}
			this.afterFlush.accept(sent);
		}
	}

	private void run() {
		while (this.thread == Thread.currentThread()) {
			Duration wait;
			try {
				wait = step();
			}
			catch (RuntimeException ex) {
				log.warn("Dispatch step failed: {}", ex.toString());
				wait = this.properties.leaseRenew();
			}
			this.lock.lock();
			try {
				if (!this.woken && !wait.isZero()) {
					this.wake.await(wait.toNanos(), TimeUnit.NANOSECONDS);
				}
				this.woken = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	// An alert a sender posted firing, with the end it would renew before (Prometheus:
	// four resend intervals ahead), whose end passed while nobody dispatched: its sender
	// may have been refused all that time. It is held firing until resolve_timeout after
	// the takeover, as Alertmanager waits for a sender that stopped sending an end, so
	// that an outage of every replica longer than the senders' horizon does not page
	// "resolved" for incidents still open; a re-send or an explicit resolution replaces
	// it before.
	private Alert held(Alert alert, Instant now) {
		Instant since = this.unattendedSince;
		Instant end = alert.endsAt();
		if (since == null || !now.isBefore(this.holdUntil) || end == null || !end.isAfter(alert.updatedAt())
				|| !end.isAfter(since) || end.isAfter(now)) {
			return alert;
		}
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), this.holdUntil, alert.generatorUrl(),
				alert.updatedAt(), alert.acknowledged());
	}

	private Alert toAlert(StoredAlert alert) {
		return new Alert(alert.labels(), alert.annotations(), alert.startsAt(), alert.endsAt(), alert.generatorUrl(),
				alert.updatedAt(), this.acknowledgements.acknowledged(alert));
	}

	/**
	 * Takes an alert whose acknowledgement was changed through the API (committed): its
	 * flag holds for this occurrence, whatever the writer publishes of later re-sends.
	 */
	public void acknowledgementChanged(StoredAlert alert) {
		this.acknowledgements.learn(alert);
		received(List.of(alert));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		Thread started = new Thread(this::run, "zgw-dispatch");
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	@Override
	public void stop() {
		Thread running = this.thread;
		this.thread = null;
		if (running == null) {
			return;
		}
		running.interrupt();
		try {
			running.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.outbox.closeConnection();
		if (leader()) {
			try {
				this.lease.release(this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Dispatch lease could not be released: {}", ex.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
