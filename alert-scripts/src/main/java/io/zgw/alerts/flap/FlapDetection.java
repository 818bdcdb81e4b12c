package io.zgw.alerts.flap;

import java.time.Duration;
import java.util.Objects;

/**
 * FlapDetection is a route's {@code flap_detection} (zgw extension): an alert that
 * started firing {@code starts} times within {@code within} is flapping, and while it is,
 * the receiver hears of its resolution only once it has stayed resolved for {@code calm};
 * firing again meanwhile sends nothing. An alert that fires steadily, or resolves for
 * good after a flap or two, is notified as Alertmanager would.
 *
 * @param starts how many starts within the window make an alert flapping; 0 turns
 * detection off
 * @param within the window the starts are counted in
 * @param calm how long a flapping alert must stay resolved before its resolution is
 * notified
 */
public record FlapDetection(int starts, Duration within, Duration calm) {

	/** No flap detection, as Alertmanager. */
	public static final FlapDetection OFF = new FlapDetection(0, Duration.ZERO, Duration.ZERO);

	public FlapDetection {
		Objects.requireNonNull(within, "within");
		Objects.requireNonNull(calm, "calm");
		if (starts != 0 && (starts < 2 || within.isZero() || within.isNegative() || calm.isNegative())) {
			throw new IllegalArgumentException("flap detection needs at least 2 starts within a positive window");
		}
	}

	/** Returns whether flap detection is on. */
	public boolean enabled() {
		return this.starts > 0;
	}

}
