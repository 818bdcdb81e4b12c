package io.zgw.alerts.dispatch;

import java.util.Comparator;

import io.zgw.alerts.model.Alert;
import io.zgw.alerts.model.GoStrings;
import io.zgw.alerts.model.LabelSet;

/**
 * AlertOrder sorts alerts as Alertmanager's {@code types.AlertSlice}: by {@code job},
 * then {@code instance} (alerts without the label last), then by label set.
 */
final class AlertOrder implements Comparator<Alert> {

	static final AlertOrder INSTANCE = new AlertOrder();

	private static final String[] OVERRIDE_KEYS = { "job", "instance" };

	@Override
	public int compare(Alert a, Alert b) {
		for (String key : OVERRIDE_KEYS) {
			boolean hasA = a.labels().has(key);
			boolean hasB = b.labels().has(key);
			if (!hasA && !hasB) {
				continue;
			}
			if (!hasA) {
				return 1;
			}
			if (!hasB) {
				return -1;
			}
			int byValue = GoStrings.ORDER.compare(a.labels().get(key), b.labels().get(key));
			if (byValue != 0) {
				return byValue;
			}
		}
		return LabelSet.ORDER.compare(a.labels(), b.labels());
	}

}
