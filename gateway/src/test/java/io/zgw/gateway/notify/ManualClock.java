package io.zgw.gateway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ManualClock is a UTC clock that only moves when a test advances it.
 */
public final class ManualClock extends Clock {

	private final AtomicReference<Instant> now;

	public ManualClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** A clock at a fixed, millisecond-precise instant. */
	public static ManualClock atSomeMoment() {
		return new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
	}

	public void advance(Duration by) {
		now.updateAndGet((t) -> t.plus(by));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("ManualClock is UTC only");
	}

}
