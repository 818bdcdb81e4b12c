package io.zgw.alerts.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.zgw.alerts.escalation.EscalationStep;
import io.zgw.alerts.flap.FlapDetection;
import io.zgw.alerts.model.LabelSet;

/**
 * RouteOptions are a route's effective settings after defaults and inheritance.
 *
 * @param receiver receiver notified for the route's groups
 * @param groupBy label names that form a group
 * @param groupByAll whether every label forms the group ({@code group_by: ['...']})
 * @param groupWait wait before the first notification of a new group
 * @param groupInterval wait between notifications of a group
 * @param repeatInterval wait before re-sending an unchanged notification
 * @param muteTimeIntervals time interval names during which the route is muted (not
 * inherited, as in Alertmanager)
 * @param activeTimeIntervals time interval names outside which the route is muted (not
 * inherited)
 * @param notifyResolvedWhenMuted whether alerts notified as firing and later silenced or
 * inhibited still produce their resolved notification (inherited; zgw extension)
 * @param resolveDelay how long the resolution of an alert the receiver was told fires
 * waits before it is notified, so that an alert firing again meanwhile (flapping) sends
 * nothing; zero for Alertmanager's behaviour (inherited; zgw extension)
 * @param repeatAcknowledged whether {@code repeat_interval} reminders go on once every
 * firing alert of a group is acknowledged; true for Alertmanager's behaviour (inherited;
 * zgw extension)
 * @param escalation steps that page receivers or on-call schedules while the group's
 * firing alerts stay unacknowledged; empty for none (inherited; zgw extension)
 * @param flapDetection when an alert counts as flapping and how long its resolution then
 * waits; {@link FlapDetection#OFF} for Alertmanager's behaviour (inherited; zgw
 * extension)
 */
public record RouteOptions(String receiver, SortedSet<String> groupBy, boolean groupByAll, Duration groupWait,
		Duration groupInterval, Duration repeatInterval, List<String> muteTimeIntervals,
		List<String> activeTimeIntervals, boolean notifyResolvedWhenMuted, Duration resolveDelay,
		boolean repeatAcknowledged, List<EscalationStep> escalation, FlapDetection flapDetection) {

	/** Alertmanager's default group_wait. */
	public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

	/** Alertmanager's default group_interval. */
	public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);

	/** Alertmanager's default repeat_interval. */
	public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

	public RouteOptions {
		Objects.requireNonNull(receiver, "receiver");
		groupBy = new TreeSet<>(groupBy);
		muteTimeIntervals = List.copyOf(muteTimeIntervals);
		activeTimeIntervals = List.copyOf(activeTimeIntervals);
		Objects.requireNonNull(resolveDelay, "resolveDelay");
		escalation = List.copyOf(escalation);
		Objects.requireNonNull(flapDetection, "flapDetection");
	}

	/** Returns the labels of the alert that form its group on this route. */
	public LabelSet groupLabels(LabelSet labels) {
		return this.groupByAll ? labels : labels.select(this.groupBy);
	}

	static RouteOptions root(String receiver) {
		return new RouteOptions(receiver, new TreeSet<>(), false, DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL,
				DEFAULT_REPEAT_INTERVAL, List.of(), List.of(), true, Duration.ZERO, true, List.of(), FlapDetection.OFF);
	}

	// Mirrors Alertmanager's dispatch.NewRoute: start from the parent's options and
	// overwrite what the node sets; time intervals are the node's own.
	RouteOptions inherit(RouteSpec spec) {
		Set<String> groupByNames = this.groupBy;
		boolean all = this.groupByAll;
		if (spec.groupBy() != null && !spec.groupBy().isEmpty()) {
			groupByNames = new TreeSet<>(spec.groupBy());
			all = false;
		}
		else if (spec.groupByAll()) {
			all = true;
		}
		return new RouteOptions((spec.receiver() != null) ? spec.receiver() : this.receiver,
				new TreeSet<>(groupByNames), all, (spec.groupWait() != null) ? spec.groupWait() : this.groupWait,
				(spec.groupInterval() != null) ? spec.groupInterval() : this.groupInterval,
				(spec.repeatInterval() != null) ? spec.repeatInterval() : this.repeatInterval, spec.muteTimeIntervals(),
				spec.activeTimeIntervals(),
				(spec.notifyResolvedWhenMuted() != null) ? spec.notifyResolvedWhenMuted()
						: this.notifyResolvedWhenMuted,
				(spec.resolveDelay() != null) ? spec.resolveDelay() : this.resolveDelay,
				(spec.repeatAcknowledged() != null) ? spec.repeatAcknowledged() : this.repeatAcknowledged,
				(spec.escalation() != null) ? spec.escalation() : this.escalation,
				(spec.flapDetection() != null) ? spec.flapDetection() : this.flapDetection);
	}

}
