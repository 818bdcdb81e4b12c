package io.zgw.alerts.inhibit;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.zgw.alerts.matcher.Matchers;
import io.zgw.alerts.model.LabelSet;

/**
 * InhibitRule mutes alerts matching the target matchers while a firing alert matching the
 * source matchers has the same values for the {@code equal} labels.
 *
 * @param sourceMatchers matchers an inhibiting alert must satisfy (legacy
 * {@code source_match(_re)} included)
 * @param targetMatchers matchers an inhibited alert must satisfy
 * @param equal label names whose values must be equal on both sides; a label missing on
 * both sides counts as equal
 */
public record InhibitRule(Matchers sourceMatchers, Matchers targetMatchers, Set<String> equal) {

	public InhibitRule {
		Objects.requireNonNull(sourceMatchers, "sourceMatchers");
		Objects.requireNonNull(targetMatchers, "targetMatchers");
		equal = new TreeSet<>(equal);
	}

	/** Returns whether the two label sets agree on every {@code equal} label. */
	public boolean equalLabelsMatch(LabelSet source, LabelSet target) {
		for (String name : this.equal) {
			if (!source.get(name).equals(target.get(name))) {
				return false;
			}
		}
		return true;
	}

}
