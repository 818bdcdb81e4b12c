package io.zgw.alerts.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * CalendarShift is one event of an on-call calendar: {@code member} on call from
 * {@code start} for {@code days} wall-clock days (a handoff at 09:00 stays at 09:00
 * across daylight-saving changes) plus {@code time}, once or at every occurrence of its
 * recurrence but the excluded ones.
 */
public final class CalendarShift {

	/** The longest shift, in wall-clock days: an event longer than a year is no shift. */
	public static final long MAX_DAYS = 366;

	private final String member;

	private final ZonedDateTime start;

	private final long days;

	private final Duration time;

	private final @Nullable Recurrence recurrence;

	private final Set<Instant> excluded;

	private final @Nullable Instant lastStart;

	// No occurrence lasts longer: a wall-clock day is at most 25 hours.
	private final Duration longest;

	/**
	 * Creates a shift.
	 * @param member the receiver on call
	 * @param start when the (first) shift begins, in the zone its wall-clock days follow
	 * @param days whole wall-clock days the shift lasts
	 * @param time how much longer than the days it lasts
	 * @param recurrence how the shift recurs, or null for once
	 * @param excluded starts of occurrences that do not take place
	 * @throws IllegalArgumentException when the shift is empty or the recurrence does not
	 * fit its start
	 */
	public CalendarShift(String member, ZonedDateTime start, long days, Duration time, @Nullable Recurrence recurrence,
			Set<Instant> excluded) {
		this.member = Objects.requireNonNull(member, "member");
		this.start = Objects.requireNonNull(start, "start");
		if (days < 0 || time.isNegative() || (days == 0 && time.isZero())) {
			throw new IllegalArgumentException("a shift must end after it starts");
		}
		if (days > MAX_DAYS || (days == MAX_DAYS && !time.isZero())) {
			throw new IllegalArgumentException("a shift lasts at most " + MAX_DAYS + " days");
		}
		this.days = days;
		this.time = time;
		this.recurrence = recurrence;
		this.excluded = Set.copyOf(excluded);
		this.lastStart = (recurrence != null) ? recurrence.lastStart(start) : start.toInstant();
		this.longest = Duration.ofHours(25 * days).plus(time);
	}

	/** Returns the receiver on call during the shift. */
	public String member() {
		return this.member;
	}

	/** Returns when the (first) shift begins. */
	public Instant start() {
		return this.start.toInstant();
	}

	/** Returns whether the shift recurs. */
	public boolean recurs() {
		return this.recurrence != null;
	}

	/** Returns how long an occurrence lasts at most. */
	public Duration longest() {
		return this.longest;
	}

	/**
	 * Returns the start of the latest occurrence of this shift in force at the instant,
	 * if one is.
	 */
	public Optional<Instant> startInForce(Instant at) {
		Instant to = (this.lastStart != null && this.lastStart.isBefore(at)) ? this.lastStart : at;
		if (to.isBefore(this.start.toInstant())) {
			return Optional.empty();
		}
		List<ZonedDateTime> starts = (this.recurrence != null)
				? this.recurrence.startsBetween(this.start, at.minus(this.longest), to) : List.of(this.start);
		for (int i = starts.size() - 1; i >= 0; i--) {
			ZonedDateTime occurrence = starts.get(i);
			if (!this.excluded.contains(occurrence.toInstant())
					&& occurrence.plusDays(this.days).plus(this.time).toInstant().isAfter(at)) {
				return Optional.of(occurrence.toInstant());
			}
		}
		return Optional.empty();
	}

}
