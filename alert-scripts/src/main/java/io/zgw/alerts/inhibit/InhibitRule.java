package io.zgw.alerts.inhibit;

import java.util.ArrayList;
import java.util.List;
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

	/**
	 * Returns the values of the {@code equal} labels, in name order ("" for a missing
	 * label): a source and a target agree on every {@code equal} label exactly when their
	 * keys are equal.
	 */
	public List<String> equalKey(LabelSet labels) {
		List<String> key = new ArrayList<>(this.equal.size());
		for (String name : this.equal) {
			key.add(labels.get(name));
		}
		return key;
	}

}
