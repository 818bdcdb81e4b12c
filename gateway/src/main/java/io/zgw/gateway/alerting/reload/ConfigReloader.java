package io.zgw.gateway.alerting.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.config.UnsupportedIntegration;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import io.zgw.gateway.alerting.dispatch.DispatchService;
import io.zgw.gateway.alerting.oncall.OnCallCoverage;
import io.zgw.gateway.alerting.routing.CalendarFeeds;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.notify.AlertmanagerReceivers;
import io.zgw.gateway.notify.NotifyMetrics;
import io.zgw.gateway.notify.Receiver;
import io.zgw.gateway.notify.ReceiverNotifiers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * ConfigReloader loads the routing file into the running gateway: at start-up it hands
 * the receivers to the notifiers, and on {@code POST /-/reload} or when the file changes
 * it validates the file and, only if it is good, swaps routing, receivers and the
 * dispatcher's groups; a bad file is refused and the running configuration kept.
 */
@Component
public class ConfigReloader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

	private final RoutingFile routing;

	private final ReceiverNotifiers receivers;

	private final DispatchService dispatch;

	private final DispatchProperties properties;

	private final NotifyMetrics notifyMetrics;

	private final Counter successes;

	private final Counter failures;

	private final OnCallCoverage coverage;

	private final CalendarFeeds calendars;

	private final AtomicInteger lastSuccess = new AtomicInteger(1);

	private byte @Nullable [] lastSeen;

	private @Nullable ScheduledExecutorService watcher;

	ConfigReloader(RoutingFile routing, ReceiverNotifiers receivers, DispatchService dispatch,
			DispatchProperties properties, MeterRegistry meters, NotifyMetrics notifyMetrics, OnCallCoverage coverage,
			CalendarFeeds calendars) {
		this.calendars = calendars;
		this.notifyMetrics = notifyMetrics;
		this.coverage = coverage;
		this.routing = routing;
		this.receivers = receivers;
		this.dispatch = dispatch;
		this.properties = properties;
		this.successes = meters.counter(DispatchMetrics.RELOADS, DispatchMetrics.TAG_OUTCOME, "success");
		this.failures = meters.counter(DispatchMetrics.RELOADS, DispatchMetrics.TAG_OUTCOME, "failure");
		Gauge.builder(DispatchMetrics.LAST_RELOAD_SUCCESS, this.lastSuccess, AtomicInteger::get).register(meters);
		AlertmanagerConfig config = routing.config();
		try {
			receivers.replace(AlertmanagerReceivers.of(config));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("zgw.alerting.routing-config-file: '" + routing.path().orElse(null)
					+ "' is not usable: " + ex.getMessage(), ex);
		}
		inUse(config);
		this.lastSeen = fingerprint();
	}

	/**
	 * Reloads the routing file.
	 * @throws ReloadException naming the file and the bad element when it is refused
	 */
	public synchronized void reload() {
		String file = this.routing.path().map(Path::toString).orElse("(no routing file)");
		this.lastSeen = fingerprint();
		RoutingFile.Loaded loaded;
		List<Receiver> built;
		try {
			loaded = this.routing.read();
			built = AlertmanagerReceivers.of(loaded.config());
		}
		catch (ConfigException ex) {
			// An empty file or one that is not YAML has no element to name: the file.
			throw refused(file, ex.path().isEmpty() ? "file" : ex.path(), ex.getMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw refused(file, "receivers", ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw refused(file, "file", "cannot read " + file + ": " + ex, ex);
		}
		this.routing.use(loaded);
		this.receivers.replace(built);
		this.dispatch.rebuild(loaded.config());
		inUse(loaded.config());
		this.successes.increment();
		this.lastSuccess.set(1);
		log.info("Reloaded routing file {}", file);
	}

	private ReloadException refused(String file, String path, String message, Exception cause) {
		this.failures.increment();
		this.lastSuccess.set(0);
		log.error("Routing file {} refused, keeping the running configuration: {}", file, message);
		return new ReloadException(file, path, message, cause);
	}

	// What every configuration put in use (at start-up and each reload) announces: the
	// integrations it does not deliver, its rate-limited integrations' counters, its
	// escalation steps' counters and its schedules' coverage gauges.
	private void inUse(AlertmanagerConfig config) {
		for (UnsupportedIntegration unsupported : config.unsupportedIntegrations()) {
			log.warn("Receiver '{}' has a {} integration ({}) that zgw does not deliver; it is ignored",
					unsupported.receiver(), unsupported.type(), unsupported.path());
		}
		this.notifyMetrics.rateLimitsOf(config);
		this.dispatch.registerEscalationSteps(config);
		this.coverage.schedulesOf(config);
	}

	/**
	 * Checks the routing file and the files it depends on for a change (modification time
	 * and content), and the calendars it fetches whose refresh interval passed, and
	 * reloads.
	 */
	void reloadIfChanged() {
		byte[] seen = fingerprint();
		boolean calendars = this.calendars.refreshDue(Set.copyOf(this.routing.config().calendars()));
		synchronized (this) {
			if (!calendars && Arrays.equals(seen, this.lastSeen)) {
				return;
			}
		}
		try {
			reload();
		}
		catch (ReloadException ex) {
			// Logged and counted by reload().
		}
	}

	// Modification time and content of the routing file and of every file the running
	// configuration depends on (templates, *_file secrets, TLS certificates and keys), so
	// that a renewed certificate is picked up like an edited routing file.
	private byte @Nullable [] fingerprint() {
		Path path = this.routing.path().orElse(null);
		if (path == null) {
			return null;
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<Path> files = new ArrayList<>();
			files.add(path);
			files.addAll(this.routing.config().files());
			for (Path file : files) {
				digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
				try {
					digest.update(Files.getLastModifiedTime(file).toString().getBytes(StandardCharsets.UTF_8));
					digest.update(Files.readAllBytes(file));
				}
				catch (IOException ex) {
					digest.update((byte) 0);
				}
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.routing.path().isEmpty() || this.properties.reloadPoll().isZero()) {
			return;
		}
		this.watcher = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread t = new Thread(r, "zgw-config-watch");
			t.setDaemon(true);
			return t;
		});
		long every = this.properties.reloadPoll().toMillis();
		this.watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.watcher != null) {
			this.watcher.shutdownNow();
			this.watcher = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.watcher != null;
	}

}
