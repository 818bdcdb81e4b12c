package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * UtcTimes converts between instants and the UTC {@code DATETIME(3)} columns of the
 * store.
 */
final class UtcTimes {

	// Go's zero time and anything before it cannot be stored in DATETIME; Alertmanager
	// treats such values as "not set" anyway.
	private static final Instant MIN = Instant.parse("1000-01-01T00:00:00Z");

	private UtcTimes() {
	}

	static @Nullable LocalDateTime toColumn(@Nullable Instant instant) {
		if (instant == null) {
			return null;
		}
		Instant clamped = instant.isBefore(MIN) ? MIN : instant;
		return LocalDateTime.ofInstant(clamped.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
	}

	static @Nullable Instant fromColumn(@Nullable LocalDateTime value) {
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
