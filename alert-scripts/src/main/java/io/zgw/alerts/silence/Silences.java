package io.zgw.alerts.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import org.jspecify.annotations.Nullable;

/**
 * Silences is a thread-safe in-memory silence store that resolves recurring schedules
 * against the configuration's named time intervals.
 */
public final class Silences implements Silencer {

	/** How long Alertmanager keeps expired silences. */
	public static final Duration DEFAULT_RETENTION = Duration.ofHours(120);

	private final Map<String, Silence> silences = new LinkedHashMap<>();

	private final Function<String, @Nullable NamedTimeInterval> timeIntervals;

	/**
	 * Creates an empty store whose named schedules are looked up in the given intervals.
	 */
	public Silences(Map<String, NamedTimeInterval> timeIntervals) {
		this.timeIntervals = Map.copyOf(timeIntervals)::get;
	}

	/**
	 * Validates and stores (or replaces by id) a silence.
	 * @throws IllegalArgumentException when it is invalid or names an unknown time
	 * interval
	 */
	public synchronized Silence put(Silence silence) {
		silence.validate();
		if (silence.schedule() instanceof SilenceSchedule.Named named
				&& this.timeIntervals.apply(named.name()) == null) {
			throw new IllegalArgumentException("schedule: unknown time interval \"" + named.name() + "\"");
		}
		this.silences.put(silence.id(), silence);
		return silence;
	}

	public synchronized Optional<Silence> get(String id) {
		return Optional.ofNullable(this.silences.get(id));
	}

	public synchronized List<Silence> list() {
		return new ArrayList<>(this.silences.values());
	}

	/**
	 * Expires the silence at {@code now}.
	 * @throws IllegalArgumentException when no silence has the id
	 * @throws IllegalStateException when it already expired
	 */
	public synchronized Silence expire(String id, Instant now) {
		Silence silence = this.silences.get(id);
		if (silence == null) {
			throw new IllegalArgumentException("silence " + id + " not found");
		}
		Silence expired = silence.expire(now);
		this.silences.put(id, expired);
		return expired;
	}

	/** Drops silences that expired more than {@code retention} before {@code now}. */
	public synchronized int gc(Instant now, Duration retention) {
		int before = this.silences.size();
		this.silences.values().removeIf((silence) -> silence.endsAt().plus(retention).isBefore(now));
		return before - this.silences.size();
	}

	/**
	 * Returns whether the silence mutes at {@code now}, with named schedules looked up in
	 * this store's intervals (see {@link Silence#inEffect}).
	 */
	public boolean inEffect(Silence silence, Instant now) {
		return silence.inEffect(now, this.timeIntervals);
	}

	@Override
	public synchronized List<String> silencedBy(LabelSet labels, Instant now) {
		List<String> ids = new ArrayList<>();
		for (Silence silence : this.silences.values()) {
			if (silence.matches(labels) && inEffect(silence, now)) {
				ids.add(silence.id());
			}
		}
		return ids;
	}

}
