package io.zgw.gateway.alerting.amapi;

import java.util.ArrayList;
import java.util.List;

import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silence;
import io.zgw.gateway.alerting.store.StoredSilence;

/**
 * SilenceMuting tells which of a set of active silences mute an alert, with the
 * alert-rule library's silence and matcher semantics.
 */
public final class SilenceMuting {

	private final List<Silence> silences;

	SilenceMuting(List<StoredSilence> active) {
		this.silences = active.stream().map(SilenceMuting::toSilence).toList();
	}

	/** Returns the ids of the silences muting an alert with these labels. */
	List<String> silencedBy(LabelSet labels) {
		List<String> ids = new ArrayList<>(0);
		for (Silence silence : this.silences) {
			if (silence.matches(labels)) {
				ids.add(silence.id());
			}
		}
		return ids;
	}

	public static Silence toSilence(StoredSilence stored) {
		return new Silence(stored.id(), Matchers.of(stored.matchers().stream().map(SilenceMuting::toMatcher).toList()),
				stored.startsAt(), stored.endsAt(), stored.createdBy(), stored.comment(), null);
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

}
