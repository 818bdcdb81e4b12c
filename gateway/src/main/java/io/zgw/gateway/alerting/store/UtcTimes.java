package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.zgw.sql.DateTimeTextBinding;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * UtcTimes converts between instants and the UTC {@code DATETIME(3)} columns of the
 * store.
 */
public final class UtcTimes {

	// Go's zero time and anything before it cannot be stored in DATETIME; Alertmanager
	// treats such values as "not set" anyway.
	private static final Instant MIN = Instant.parse("1000-01-01T00:00:00Z");

	// Nor anything after DATETIME's last instant: an alert firing until the year 10000
	// fires for ever either way, and a write of it must not fail its whole batch (a
	// 503 that Prometheus would resend for ever, with the other alerts of the batch).
	private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

	private static final DataType<LocalDateTime> DATETIME = SQLDataType.LOCALDATETIME(3)
		.asConvertedDataType(new DateTimeTextBinding());

	private UtcTimes() {
	}

	static @Nullable LocalDateTime toColumn(@Nullable Instant instant) {
		if (instant == null) {
			return null;
		}
		Instant clamped = instant.isBefore(MIN) ? MIN : instant.isAfter(MAX) ? MAX : instant;
		return LocalDateTime.ofInstant(clamped.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
	}

	/**
	 * Returns the instant as a bind value for a {@code DATETIME(3)} column in plain JDBC,
	 * as text like the generated columns' binding sends it (see DateTimeTextBinding).
	 */
	public static String bind(Instant instant) {
		return DateTimeTextBinding.text(toColumn(instant));
	}

	/**
	 * Returns the instant as a typed jOOQ bind value for a {@code DATETIME(3)} column,
	 * with the generated columns' binding.
	 */
	public static Field<LocalDateTime> param(Instant instant) {
		return DSL.val(toColumn(instant), DATETIME);
	}

	public static @Nullable Instant fromColumn(@Nullable LocalDateTime value) {
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
