package io.zgw.alerts.inhibit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.LabelSet;

/**
 * Inhibitor applies inhibit rules to a snapshot of the current alerts, with
 * Alertmanager's semantics: only firing sources inhibit, and when the target also matches
 * the source side, sources that also match the target side are ignored (so an alert never
 * inhibits itself).
 */
public final class Inhibitor {

	private final List<InhibitRule> rules;

	public Inhibitor(List<InhibitRule> rules) {
		this.rules = List.copyOf(rules);
	}

	public List<InhibitRule> rules() {
		return this.rules;
	}

	/**
	 * Returns a view over the alerts that are firing at {@code now}, against which
	 * targets are checked.
	 */
	public Snapshot snapshot(Iterable<Alert> alerts, Instant now) {
		List<List<Alert>> sources = new ArrayList<>();
		for (InhibitRule rule : this.rules) {
			List<Alert> firing = new ArrayList<>();
			for (Alert alert : alerts) {
				if (!alert.resolvedAt(now) && rule.sourceMatchers().matches(alert.labels())) {
					firing.add(alert);
				}
			}
			sources.add(firing);
		}
		return new Snapshot(sources);
	}

	/** Snapshot is the firing source alerts of each rule at one instant. */
	public final class Snapshot {

		private final List<List<Alert>> sources;

		private Snapshot(List<List<Alert>> sources) {
			this.sources = sources;
		}

		/** Returns the fingerprint of an alert that inhibits the given labels, if any. */
		public Optional<String> inhibitedBy(LabelSet target) {
			for (int i = 0; i < Inhibitor.this.rules.size(); i++) {
				InhibitRule rule = Inhibitor.this.rules.get(i);
				if (!rule.targetMatchers().matches(target)) {
					continue;
				}
				boolean targetIsAlsoSource = rule.sourceMatchers().matches(target);
				for (Alert source : this.sources.get(i)) {
					if (!rule.equalLabelsMatch(source.labels(), target)) {
						continue;
					}
					if (targetIsAlsoSource && rule.targetMatchers().matches(source.labels())) {
						continue;
					}
					return Optional.of(source.fingerprint());
				}
			}
			return Optional.empty();
		}

		/** Returns whether the labels are inhibited. */
		public boolean mutes(LabelSet target) {
			return inhibitedBy(target).isPresent();
		}

	}

}
