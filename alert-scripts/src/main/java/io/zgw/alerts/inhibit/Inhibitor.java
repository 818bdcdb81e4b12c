package io.zgw.alerts.inhibit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	/** Returns an empty index of source alerts, to be kept up to date by the caller. */
	public Sources sources() {
		return new Sources();
	}

	/**
	 * Returns a view over the alerts that are firing at {@code now}, against which
	 * targets are checked.
	 */
	public Snapshot snapshot(Iterable<Alert> alerts, Instant now) {
		Sources sources = new Sources();
		alerts.forEach(sources::put);
		return new Snapshot(sources, now);
	}

	/**
	 * Sources indexes the alerts matching each rule's source side by their {@code equal}
	 * label values, so that checking a target costs one lookup per rule, not a scan of
	 * every source (Alertmanager 0.25 scans). Resolved alerts stay until
	 * {@link #removeResolved} but never inhibit. Not thread-safe.
	 */
	public final class Sources {

		private final List<Map<List<String>, Map<String, Alert>>> byRule = new ArrayList<>();

		private Sources() {
			for (int i = 0; i < Inhibitor.this.rules.size(); i++) {
				this.byRule.add(new HashMap<>());
			}
		}

		/** Adds the alert, or replaces the alert with the same fingerprint. */
		public void put(Alert alert) {
			for (int i = 0; i < Inhibitor.this.rules.size(); i++) {
				InhibitRule rule = Inhibitor.this.rules.get(i);
				if (rule.sourceMatchers().matches(alert.labels())) {
					this.byRule.get(i)
						.computeIfAbsent(rule.equalKey(alert.labels()), (key) -> new LinkedHashMap<>())
						.put(alert.fingerprint(), alert);
				}
			}
		}

		/** Forgets the alerts resolved at {@code now}. */
		public void removeResolved(Instant now) {
			for (Map<List<String>, Map<String, Alert>> buckets : this.byRule) {
				buckets.values().removeIf((bucket) -> {
					bucket.values().removeIf((alert) -> alert.resolvedAt(now));
					return bucket.isEmpty();
				});
			}
		}

		/**
		 * Returns the fingerprint of an alert firing at {@code now} that inhibits the
		 * given labels, if any.
		 */
		public Optional<String> inhibitedBy(LabelSet target, Instant now) {
			for (int i = 0; i < Inhibitor.this.rules.size(); i++) {
				InhibitRule rule = Inhibitor.this.rules.get(i);
				if (!rule.targetMatchers().matches(target)) {
					continue;
				}
				Map<String, Alert> bucket = this.byRule.get(i).get(rule.equalKey(target));
				if (bucket == null) {
					continue;
				}
				boolean targetIsAlsoSource = rule.sourceMatchers().matches(target);
				for (Alert source : bucket.values()) {
					if (source.resolvedAt(now)
							|| (targetIsAlsoSource && rule.targetMatchers().matches(source.labels()))) {
						continue;
					}
					return Optional.of(source.fingerprint());
				}
			}
			return Optional.empty();
		}

	}

	/** Snapshot is the source alerts of each rule, checked at one instant. */
	public static final class Snapshot {

		private final Sources sources;

		private final Instant now;

		private Snapshot(Sources sources, Instant now) {
			this.sources = sources;
			this.now = now;
		}

		/** Returns the fingerprint of an alert that inhibits the given labels, if any. */
		public Optional<String> inhibitedBy(LabelSet target) {
			return this.sources.inhibitedBy(target, this.now);
		}

		/** Returns whether the labels are inhibited. */
		public boolean mutes(LabelSet target) {
			return inhibitedBy(target).isPresent();
		}

	}

}
