package io.zgw.gateway.alerting.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silence;
import io.zgw.alerts.silence.Silencer;
import io.zgw.gateway.alerting.amapi.SilenceMuting;
import io.zgw.gateway.alerting.store.SilenceStore;

/**
 * StoredSilencer answers the dispatcher from the silences in the database, read again
 * before every flush so silences created or expired on any replica count at once.
 */
final class StoredSilencer implements Silencer {

	private final SilenceStore store;

	private volatile List<Silence> active = List.of();

	StoredSilencer(SilenceStore store) {
		this.store = store;
	}

	/** Reads the silences active at {@code now} from the store. */
	void refresh(Instant now) {
		this.active = this.store.activeAt(now).stream().map(SilenceMuting::toSilence).toList();
	}

	@Override
	public List<String> silencedBy(LabelSet labels, Instant now) {
		List<String> ids = new ArrayList<>(0);
		for (Silence silence : this.active) {
			if (!silence.startsAt().isAfter(now) && silence.endsAt().isAfter(now) && silence.matches(labels)) {
				ids.add(silence.id());
			}
		}
		return ids;
	}

}
