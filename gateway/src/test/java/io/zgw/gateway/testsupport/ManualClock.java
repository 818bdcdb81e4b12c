package io.zgw.gateway.testsupport;

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

	/** A clock at 2026-01-01T00:00:00Z. */
	public ManualClock() {
		this(Instant.parse("2026-01-01T00:00:00Z"));
	}

	public ManualClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** A clock at a fixed, millisecond-precise instant. */
	public static ManualClock atSomeMoment() {
		return new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
	}

	public void advance(Duration by) {
		this.now.updateAndGet((t) -> t.plus(by));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (ZoneOffset.UTC.equals(zone.normalized())) {
			return this;
		}
		throw new UnsupportedOperationException("ManualClock is UTC only");
	}

}
