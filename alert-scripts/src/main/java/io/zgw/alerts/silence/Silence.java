package io.zgw.alerts.silence;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import org.jspecify.annotations.Nullable;

/**
 * Silence mutes the alerts its matchers match between {@code startsAt} and
 * {@code endsAt}, and, when it has a schedule, only inside the schedule's intervals.
 *
 * @param id unique id
 * @param matchers all have to match an alert's labels
 * @param startsAt start, inclusive
 * @param endsAt end, exclusive
 * @param createdBy author
 * @param comment why
 * @param schedule recurring schedule, or null for a plain silence
 */
public record Silence(String id, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
		@Nullable SilenceSchedule schedule) {

	public Silence {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(matchers, "matchers");
		Objects.requireNonNull(startsAt, "startsAt");
		Objects.requireNonNull(endsAt, "endsAt");
		createdBy = (createdBy != null) ? createdBy : "";
		comment = (comment != null) ? comment : "";
	}

	/**
	 * Checks what Alertmanager checks for a new silence: an id, at least one matcher, at
	 * least one that is negative ({@code !=}, {@code !~}) or does not match the empty
	 * string, and an end after the start.
	 * @return this silence
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public Silence validate() {
		if (this.id.isEmpty()) {
			throw new IllegalArgumentException("id: missing");
		}
		if (this.matchers.isEmpty()) {
			throw new IllegalArgumentException("matchers: at least one matcher required");
		}
		boolean allMatchEmpty = true;
		for (Matcher matcher : this.matchers) {
			// As Alertmanager 0.25: != and !~ never count as matching the empty
			// string, so "severity!=critical" alone is a valid silence.
			boolean positive = matcher.type() == MatchType.EQUAL || matcher.type() == MatchType.REGEXP;
			if (!positive || !matcher.matches("")) {
				allMatchEmpty = false;
			}
		}
		if (allMatchEmpty) {
			throw new IllegalArgumentException("matchers: at least one matcher must not match the empty string");
		}
		if (!this.endsAt.isAfter(this.startsAt)) {
			throw new IllegalArgumentException("endsAt: must be after startsAt");
		}
		return this;
	}

	/** Returns the silence's state at the instant, ignoring its schedule. */
	public SilenceState state(Instant now) {
		if (now.isBefore(this.startsAt)) {
			return SilenceState.PENDING;
		}
		if (now.isBefore(this.endsAt)) {
			return SilenceState.ACTIVE;
		}
		return SilenceState.EXPIRED;
	}

	/**
	 * Returns whether the silence mutes at {@code now}: active and, when it has a
	 * schedule, inside one of its intervals; a schedule naming an interval that
	 * {@code timeIntervals} does not know never mutes.
	 */
	public boolean inEffect(Instant now, Function<String, @Nullable NamedTimeInterval> timeIntervals) {
		return state(now) == SilenceState.ACTIVE
				&& (this.schedule == null || this.schedule.contains(now, timeIntervals));
	}

	/** Returns whether the matchers match the labels. */
	public boolean matches(LabelSet labels) {
		return this.matchers.matches(labels);
	}

	/**
	 * Returns the silence expired at {@code now}: an active one ends now, a pending one
	 * starts and ends now, as Alertmanager does.
	 * @throws IllegalStateException when it already expired
	 */
	public Silence expire(Instant now) {
		return switch (state(now)) {
			case EXPIRED -> throw new IllegalStateException("silence " + this.id + " already expired");
			case ACTIVE ->
				new Silence(this.id, this.matchers, this.startsAt, now, this.createdBy, this.comment, this.schedule);
			case PENDING -> new Silence(this.id, this.matchers, now, now, this.createdBy, this.comment, this.schedule);
		};
	}

}
