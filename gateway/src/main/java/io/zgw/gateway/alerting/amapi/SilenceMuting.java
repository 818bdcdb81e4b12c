package io.zgw.gateway.alerting.amapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.StoredSilence;

/**
 * SilenceMuting tells which of a set of active silences mute an alert: those whose
 * matchers all match its labels.
 */
final class SilenceMuting {

	private final List<Compiled> silences;

	SilenceMuting(List<StoredSilence> active, LabelMatching matching) {
		this.silences = new ArrayList<>(active.size());
		for (StoredSilence silence : active) {
			Predicate<LabelSet> all = (labels) -> true;
			for (StoredSilence.Matcher m : silence.matchers()) {
				all = all.and(matching.matcher(m.name(), m.value(), m.isRegex(), m.isEqual()));
			}
			this.silences.add(new Compiled(silence.id(), all));
		}
	}

	/** Returns the ids of the silences muting an alert with these labels. */
	List<String> silencedBy(LabelSet labels) {
		List<String> ids = new ArrayList<>(0);
		for (Compiled silence : this.silences) {
			if (silence.matches().test(labels)) {
				ids.add(silence.id());
			}
		}
		return ids;
	}

	private record Compiled(String id, Predicate<LabelSet> matches) {
	}

}
