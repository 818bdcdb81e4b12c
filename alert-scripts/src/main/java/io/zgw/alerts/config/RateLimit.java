package io.zgw.alerts.config;

import java.time.Duration;
import java.util.Objects;

/**
 * RateLimit is a receiver's {@code rate_limit} (zgw extension): each of its integrations
 * sends at most {@code max} notifications in any {@code per}. A notification over the
 * limit is not sent, logged or forgotten: its group tries again when the window next lets
 * a send through (or at its next flush, if sooner) with the group's state then, so a
 * storm reaches the receiver as the latest state of each group, at the rate it can take.
 *
 * @param max {@code max}: notifications per window, at least 1
 * @param per {@code per}: the sliding window
 */
public record RateLimit(int max, Duration per) {

	public RateLimit {
		Objects.requireNonNull(per, "per");
	}

}
