package io.zgw.alerts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.alerts.inhibit.InhibitRule;
import io.zgw.alerts.inhibit.Inhibitor;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import org.jspecify.annotations.Nullable;

/**
 * AlertmanagerConfig is a validated Alertmanager configuration: the routing tree,
 * receivers, inhibit rules and named time intervals, plus notes on what was ignored.
 *
 * @param route root of the routing tree
 * @param receivers receivers by name
 * @param inhibitRules inhibit rules in file order
 * @param timeIntervals named time intervals from {@code time_intervals} and
 * {@code mute_time_intervals}
 * @param schedules on-call schedules by name, from {@code oncall_schedules} (zgw
 * extension)
 * @param resolveTimeout {@code global.resolve_timeout}, or null when the file does not
 * set it
 * @param unsupportedIntegrations integrations that load but are not delivered
 * @param notes human-readable notes on accepted but ignored settings
 * @param files the other files the configuration depends on, in the order first met:
 * {@code templates} files, {@code *_file} secrets, {@code tls_config} files and
 * {@code calendar_file}s; a change to one of them calls for a reload like a change to the
 * configuration
 * @param calendars the {@code calendar_url}s of on-call schedules, fetched at load; a
 * change to what one serves calls for a reload too
 */
public record AlertmanagerConfig(Route route, Map<String, Receiver> receivers, List<InhibitRule> inhibitRules,
		Map<String, NamedTimeInterval> timeIntervals, Map<String, OnCallSchedule> schedules,
		@Nullable Duration resolveTimeout, List<UnsupportedIntegration> unsupportedIntegrations, List<String> notes,
		List<Path> files, List<CalendarSource> calendars) {

	public AlertmanagerConfig {
		receivers = Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
		inhibitRules = List.copyOf(inhibitRules);
		timeIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(timeIntervals));
		schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
		unsupportedIntegrations = List.copyOf(unsupportedIntegrations);
		notes = List.copyOf(notes);
		files = List.copyOf(files);
		calendars = List.copyOf(calendars);
	}

	/** Returns an inhibitor for the configured rules. */
	public Inhibitor inhibitor() {
		return new Inhibitor(this.inhibitRules);
	}

	/** Returns the receiver with the name; routes only name existing receivers. */
	public Receiver receiver(String name) {
		Receiver receiver = this.receivers.get(name);
		if (receiver == null) {
			throw new IllegalArgumentException("unknown receiver \"" + name + "\"");
		}
		return receiver;
	}

}
