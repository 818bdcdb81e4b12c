package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.inhibit.Inhibitor;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.gateway.alerting.AlertingProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * RoutingFile is the {@code alertmanager.yml} named by
 * {@code zgw.alerting.routing-config-file}, loaded and validated at start-up and swapped
 * by a reload: the Alertmanager API shows its receivers, routes alerts through its tree
 * and applies its inhibit rules, and the dispatcher notifies with it. Without a file
 * every alert goes to one receiver named {@value #DEFAULT_RECEIVER}, which has no
 * integrations, and nothing is inhibited.
 */
@Component
public class RoutingFile {

	/** The receiver of every alert when no file is configured. */
	public static final String DEFAULT_RECEIVER = "default";

	private static final String DEFAULT_CONFIG = "route: {receiver: default}\nreceivers: [{name: default}]\n";

	private final @Nullable Path path;

	private final Duration defaultResolveTimeout;

	private final CalendarFeeds calendars;

	private volatile Loaded current;

	RoutingFile(AlertingProperties properties, CalendarFeeds calendars) {
		this.defaultResolveTimeout = properties.resolveTimeout();
		this.calendars = calendars;
		String file = properties.routingConfigFile();
		this.path = (file == null || file.isBlank()) ? null : Path.of(file);
		try {
			this.current = read();
		}
		catch (IOException | ConfigException ex) {
			throw new IllegalStateException(
					"zgw.alerting.routing-config-file: '" + file + "' is not usable: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads and validates the file without using it.
	 * @throws IOException when it cannot be read
	 * @throws ConfigException naming the path of the bad element
	 */
	public Loaded read() throws IOException {
		if (this.path == null) {
			return new Loaded(ConfigLoader.load(DEFAULT_CONFIG), "");
		}
		String text = Files.readString(this.path, StandardCharsets.UTF_8);
		AlertmanagerConfig config = ConfigLoader.load(text, this.path.toAbsolutePath().getParent(), this.calendars);
		return new Loaded(config, ConfigLoader.masked(text));
	}

	/**
	 * Reads and validates a routing file for a command run without the gateway
	 * ({@code check-config}, {@code routes-test}), fetching its calendar URLs directly.
	 * @throws IOException when it cannot be read
	 * @throws ConfigException naming the path of the bad element
	 */
	static AlertmanagerConfig readDirect(Path file) throws IOException {
		return ConfigLoader.load(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent(),
				CalendarFeeds.direct());
	}

	/** Makes a loaded file the one in use. */
	public void use(Loaded loaded) {
		this.current = loaded;
	}

	/** Returns the file, if one is configured. */
	public Optional<Path> path() {
		return Optional.ofNullable(this.path);
	}

	/** Returns the configuration in use. */
	public AlertmanagerConfig config() {
		return this.current.config();
	}

	/**
	 * Returns how long an alert posted without endsAt stays firing: the file's
	 * {@code global.resolve_timeout}, else {@code zgw.alerting.resolve-timeout}.
	 */
	public Duration resolveTimeout() {
		Duration configured = config().resolveTimeout();
		return (configured != null) ? configured : this.defaultResolveTimeout;
	}

	/**
	 * Returns the receivers the routing tree sends the alert to, in tree order, one per
	 * matching route as Alertmanager lists them (a receiver of two routes twice).
	 */
	public List<String> receiversFor(LabelSet labels) {
		return config().route().match(labels).stream().map((route) -> route.options().receiver()).toList();
	}

	/**
	 * Returns the aggregation groups the alert falls into: one per matching route, with
	 * the route's group labels and receiver; groups are equal when their route and labels
	 * are, as the dispatcher's (two routes with the same matchers and receiver make two).
	 */
	public List<Group> groupsFor(LabelSet labels) {
		return config().route()
			.match(labels)
			.stream()
			.map((route) -> new Group(route, route.groupLabels(labels), route.options().receiver()))
			.toList();
	}

	/**
	 * Returns the {@code time_intervals} entry with the name in the configuration in use,
	 * or null; recurring silences look their named schedule up here when evaluated.
	 */
	public @Nullable NamedTimeInterval timeInterval(String name) {
		return config().timeIntervals().get(name);
	}

	/** Returns every receiver name, in file order as Alertmanager lists them. */
	public List<String> receiverNames() {
		return List.copyOf(config().receivers().keySet());
	}

	/** Returns the inhibit rules of the file (none without a file). */
	public Inhibitor inhibitor() {
		return config().inhibitor();
	}

	/**
	 * Returns the file's text with its secrets shown as {@code <secret>}, for
	 * {@code GET /api/v2/status}.
	 */
	public String original() {
		return this.current.original();
	}

	/**
	 * Group is one aggregation group an alert belongs to.
	 *
	 * @param route the route, compared by identity
	 * @param labels the group labels
	 * @param receiver the route's receiver
	 */
	public record Group(Route route, LabelSet labels, String receiver) {
	}

	/**
	 * Loaded is a validated file.
	 *
	 * @param config the parsed configuration
	 * @param original the text with its secrets shown as {@code <secret>} (empty without
	 * a file)
	 */
	public record Loaded(AlertmanagerConfig config, String original) {
	}

}
