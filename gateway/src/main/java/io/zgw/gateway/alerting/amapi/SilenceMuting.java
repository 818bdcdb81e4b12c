package io.zgw.gateway.alerting.amapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.zgw.alerts.config.ConfigException;
import io.zgw.alerts.config.ConfigLoader;
import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silence;
import io.zgw.alerts.silence.SilenceSchedule;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.gateway.alerting.store.StoredSilence;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * SilenceMuting tells which of a set of silences mute an alert at an instant, with the
 * alert-rule library's silence, matcher and schedule semantics; a recurring silence's
 * named schedule is looked up in the given time intervals when evaluated.
 */
public final class SilenceMuting {

	/** The silence API's extension field holding a recurring silence's schedule. */
	static final String SCHEDULE_FIELD = "zgwSchedule";

	private static final String NAMED = "timeInterval";

	private static final String INLINE = "timeIntervals";

	private final List<Silence> silences;

	private final Function<String, @Nullable NamedTimeInterval> timeIntervals;

	/**
	 * Creates a muting view of the silences whose named schedules are looked up in
	 * {@code timeIntervals} (the routing file in use) at every evaluation.
	 */
	public SilenceMuting(List<StoredSilence> silences, Function<String, @Nullable NamedTimeInterval> timeIntervals) {
		this.silences = silences.stream().map(SilenceMuting::toSilence).toList();
		this.timeIntervals = timeIntervals;
	}

	/**
	 * Returns the ids of the silences muting an alert with these labels at {@code now}.
	 */
	public List<String> silencedBy(LabelSet labels, Instant now) {
		List<String> ids = new ArrayList<>(0);
		for (Silence silence : this.silences) {
			if (silence.matches(labels) && silence.inEffect(now, this.timeIntervals)) {
				ids.add(silence.id());
			}
		}
		return ids;
	}

	/**
	 * Returns, by silence id, the time interval names of the schedules that the time
	 * intervals no longer have: those silences mute nothing.
	 */
	public Map<String, String> unresolvedSchedules() {
		Map<String, String> missing = new LinkedHashMap<>();
		for (Silence silence : this.silences) {
			if (silence.schedule() instanceof SilenceSchedule.Named named
					&& this.timeIntervals.apply(named.name()) == null) {
				missing.put(silence.id(), named.name());
			}
		}
		return missing;
	}

	public static Silence toSilence(StoredSilence stored) {
		return new Silence(stored.id(), Matchers.of(stored.matchers().stream().map(SilenceMuting::toMatcher).toList()),
				stored.startsAt(), stored.endsAt(), stored.createdBy(), stored.comment(),
				(stored.schedule() != null) ? schedule(stored.schedule()) : null);
	}

	/**
	 * Returns the matcher in the alert-rule library's form.
	 * @throws IllegalArgumentException when its regular expression is invalid
	 */
	static Matcher toMatcher(StoredSilence.Matcher matcher) {
		MatchType type = matcher.isRegex() ? (matcher.isEqual() ? MatchType.REGEXP : MatchType.NOT_REGEXP)
				: (matcher.isEqual() ? MatchType.EQUAL : MatchType.NOT_EQUAL);
		return Matcher.of(matcher.name(), type, matcher.value());
	}

	/**
	 * Returns the schedule a {@code zgwSchedule} object describes: either
	 * {@code {"timeInterval": "<name>"}} or {@code {"timeIntervals": [...]}} in
	 * Alertmanager's time interval syntax, parsed by the alert-rule library's
	 * configuration loader.
	 * @throws ConfigException naming the bad element, such as
	 * {@code zgwSchedule.timeIntervals[0].weekdays[1]}
	 */
	static SilenceSchedule schedule(JsonNode node) {
		if (!node.isObject()) {
			throw new ConfigException(SCHEDULE_FIELD, "expected an object with " + NAMED + " or " + INLINE + ", got "
					+ node.getNodeType().name().toLowerCase(Locale.ROOT));
		}
		for (String key : node.propertyNames()) {
			if (!key.equals(NAMED) && !key.equals(INLINE)) {
				throw new ConfigException(SCHEDULE_FIELD + "." + key,
						"unknown field " + key + "; expected " + NAMED + " or " + INLINE);
			}
		}
		JsonNode name = node.get(NAMED);
		JsonNode intervals = node.get(INLINE);
		if ((name == null) == (intervals == null)) {
			throw new ConfigException(SCHEDULE_FIELD, "needs exactly one of " + NAMED
					+ " (a time_intervals name of the routing file) and " + INLINE + " (a list of time intervals)");
		}
		if (name != null) {
			if (!name.isString() || name.stringValue().isEmpty()) {
				throw new ConfigException(SCHEDULE_FIELD + "." + NAMED,
						"expected the name of a time_intervals entry of the routing file");
			}
			return new SilenceSchedule.Named(name.stringValue());
		}
		String path = SCHEDULE_FIELD + "." + INLINE;
		if (!intervals.isArray() || intervals.isEmpty()) {
			throw new ConfigException(path, "expected a non-empty list of time intervals");
		}
		return new SilenceSchedule.Inline(ConfigLoader.parseTimeIntervals(intervals, path));
	}

}
