package io.zgw.gateway.alerting.store;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * StoredSilence is a silence as stored: Alertmanager's fields plus zgw's recurring
 * schedule, kept after it expires.
 *
 * @param id the silence id (a UUID)
 * @param matchers the matchers an alert must all satisfy to be silenced
 * @param startsAt when it starts muting
 * @param endsAt when it stops muting (expiring sets it to now)
 * @param createdBy who created it
 * @param comment why
 * @param schedule the API's {@code zgwSchedule} object as posted and validated, or null
 * for a plain silence
 * @param updatedAt when it was last changed
 */
public record StoredSilence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
		String comment, @Nullable JsonNode schedule, Instant updatedAt) {

	public StoredSilence {
		matchers = List.copyOf(matchers);
		schedule = (schedule != null) ? schedule.deepCopy() : null;
	}

	/** Returns Alertmanager's state of the silence at {@code now}. */
	public String state(Instant now) {
		if (!this.endsAt.isAfter(now)) {
			return "expired";
		}
		return this.startsAt.isAfter(now) ? "pending" : "active";
	}

	/**
	 * Returns the silence expired at {@code now} as Alertmanager expires it: a pending
	 * one starts and ends now, an active one ends now.
	 */
	public StoredSilence expiredAt(Instant now) {
		Instant start = this.startsAt.isAfter(now) ? now : this.startsAt;
		return new StoredSilence(this.id, this.matchers, start, now, this.createdBy, this.comment, this.schedule, now);
	}

	/**
	 * Matcher is one silence matcher in Alertmanager's JSON shape.
	 *
	 * @param name label name
	 * @param value value or regular expression
	 * @param isRegex whether value is a regular expression
	 * @param isEqual false for the negated operators (!=, !~)
	 */
	public record Matcher(@JsonProperty("name") String name, @JsonProperty("value") String value,
			@JsonProperty("isRegex") boolean isRegex, @JsonProperty("isEqual") boolean isEqual) {

	}

}
