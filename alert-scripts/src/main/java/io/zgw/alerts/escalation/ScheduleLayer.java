package io.zgw.alerts.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * ScheduleLayer is one layer of an on-call schedule, a {@link Rotation} or a
 * {@link CalendarRotation}: it puts a member on call at the instants it covers.
 */
public interface ScheduleLayer {

	/** Returns who this layer puts on call at the instant, if it covers it. */
	Optional<String> memberAt(Instant at);

}
