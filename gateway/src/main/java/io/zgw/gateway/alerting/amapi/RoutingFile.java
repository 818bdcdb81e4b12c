package io.zgw.gateway.alerting.amapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.config.AlertmanagerConfig;
import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.inhibit.Inhibitor;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.routing.Route;
import io.zgw.gateway.alerting.AlertingProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * RoutingFile is the {@code alertmanager.yml} named by
 * {@code zgw.alerting.routing-config-file}, loaded and validated once at start-up: the
 * Alertmanager API shows its receivers, routes alerts through its tree and applies its
 * inhibit rules. Without a file every alert goes to one receiver named
 * {@value #DEFAULT_RECEIVER} and nothing is inhibited.
 */
@Component
class RoutingFile {

	static final String DEFAULT_RECEIVER = "default";

	private final @Nullable AlertmanagerConfig config;

	private final String original;

	RoutingFile(AlertingProperties properties) {
		String file = properties.routingConfigFile();
		if (file == null || file.isBlank()) {
			this.config = null;
			this.original = "";
			return;
		}
		try {
			this.original = Files.readString(Path.of(file), StandardCharsets.UTF_8);
			this.config = ConfigLoader.load(this.original);
		}
		catch (IOException | ConfigException ex) {
			throw new IllegalStateException(
					"zgw.alerting.routing-config-file: '" + file + "' is not usable: " + ex.getMessage(), ex);
		}
	}

	/** Returns the receivers the routing tree sends the alert to, in tree order. */
	List<String> receiversFor(LabelSet labels) {
		if (this.config == null) {
			return List.of(DEFAULT_RECEIVER);
		}
		List<String> receivers = new ArrayList<>();
		for (Route route : this.config.route().match(labels)) {
			String receiver = route.options().receiver();
			if (!receivers.contains(receiver)) {
				receivers.add(receiver);
			}
		}
		return receivers;
	}

	/**
	 * Returns the aggregation groups the alert falls into: one per matching route, keyed
	 * like Alertmanager's group key, with the route's group labels and receiver.
	 */
	List<Group> groupsFor(LabelSet labels) {
		if (this.config == null) {
			return List.of(new Group("{}:{}", LabelSet.of(Map.of()), DEFAULT_RECEIVER));
		}
		List<Group> groups = new ArrayList<>();
		for (Route route : this.config.route().match(labels)) {
			LabelSet groupLabels = route.groupLabels(labels);
			groups.add(new Group(route.groupKey(groupLabels), groupLabels, route.options().receiver()));
		}
		return groups;
	}

	/** Returns every receiver name, sorted. */
	List<String> receiverNames() {
		return (this.config != null) ? this.config.receivers().keySet().stream().sorted().toList()
				: List.of(DEFAULT_RECEIVER);
	}

	/** Returns the inhibit rules of the file (none without a file). */
	Inhibitor inhibitor() {
		return (this.config != null) ? this.config.inhibitor() : new Inhibitor(List.of());
	}

	/**
	 * Group is one aggregation group an alert belongs to.
	 *
	 * @param key Alertmanager's group key (route and group labels)
	 * @param labels the group labels
	 * @param receiver the route's receiver
	 */
	record Group(String key, LabelSet labels, String receiver) {
	}

	/** Returns the file's text as written, for {@code GET /api/v2/status}. */
	String original() {
		return this.original;
	}

}
