package io.zgw.alerts.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.zgw.alerts.escalation.EscalationStep;
import io.zgw.alerts.flap.FlapDetection;
import io.zgw.alerts.matcher.Matchers;
import org.jspecify.annotations.Nullable;

/**
 * RouteSpec is one route node as written in configuration, before defaults and
 * inheritance are applied; null means "not set, inherit".
 *
 * @param receiver receiver name
 * @param groupBy label names to group by; null inherits (an empty list also inherits, as
 * in Alertmanager)
 * @param groupByAll whether {@code group_by: ['...']} was given
 * @param groupWait wait before the first notification of a new group
 * @param groupInterval wait between notifications of a group
 * @param repeatInterval wait before repeating an unchanged notification
 * @param matchers all matchers of the node (legacy {@code match}/{@code match_re}
 * included)
 * @param continueMatching whether siblings after this node are tried after it matched
 * @param muteTimeIntervals names of time intervals in which notifications are muted
 * @param activeTimeIntervals names of time intervals outside which notifications are
 * muted
 * @param notifyResolvedWhenMuted whether an alert notified as firing still gets its
 * resolved notification when silenced or inhibited
 * @param resolveDelay how long the resolution of an alert the receiver was told fires
 * waits before it is notified (zgw extension)
 * @param repeatAcknowledged whether {@code repeat_interval} reminders go on once every
 * firing alert of a group is acknowledged (zgw extension)
 * @param escalation escalation steps; null inherits, empty turns escalation off (zgw
 * extension)
 * @param flapDetection flap detection; null inherits (zgw extension)
 * @param routes child nodes
 */
public record RouteSpec(@Nullable String receiver, @Nullable List<String> groupBy, boolean groupByAll,
		@Nullable Duration groupWait, @Nullable Duration groupInterval, @Nullable Duration repeatInterval,
		Matchers matchers, boolean continueMatching, List<String> muteTimeIntervals, List<String> activeTimeIntervals,
		@Nullable Boolean notifyResolvedWhenMuted, @Nullable Duration resolveDelay,
		@Nullable Boolean repeatAcknowledged, @Nullable List<EscalationStep> escalation,
		@Nullable FlapDetection flapDetection, List<RouteSpec> routes) {

	public RouteSpec {
		groupBy = (groupBy != null) ? List.copyOf(groupBy) : null;
		Objects.requireNonNull(matchers, "matchers");
		muteTimeIntervals = List.copyOf(muteTimeIntervals);
		activeTimeIntervals = List.copyOf(activeTimeIntervals);
		escalation = (escalation != null) ? List.copyOf(escalation) : null;
		routes = List.copyOf(routes);
	}

	/** Returns a spec with only a receiver and matchers set. */
	public static RouteSpec of(@Nullable String receiver, Matchers matchers, List<RouteSpec> routes) {
		return new RouteSpec(receiver, null, false, null, null, null, matchers, false, List.of(), List.of(), null, null,
				null, null, null, routes);
	}

}
