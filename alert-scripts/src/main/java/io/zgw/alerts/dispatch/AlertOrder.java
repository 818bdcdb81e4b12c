package io.zgw.alerts.dispatch;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

import io.zgw.alerts.model.Alert;

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
			int byValue = a.labels().get(key).compareTo(b.labels().get(key));
			if (byValue != 0) {
				return byValue;
			}
		}
		return compareLabelSets(a, b);
	}

	// model.LabelSet.Before: fewer labels first, then the first differing name or value.
	private static int compareLabelSets(Alert a, Alert b) {
		Map<String, String> la = a.labels().asMap();
		Map<String, String> lb = b.labels().asMap();
		if (la.size() != lb.size()) {
			return Integer.compare(la.size(), lb.size());
		}
		Iterator<Map.Entry<String, String>> ia = la.entrySet().iterator();
		Iterator<Map.Entry<String, String>> ib = lb.entrySet().iterator();
		while (ia.hasNext()) {
			Map.Entry<String, String> ea = ia.next();
			Map.Entry<String, String> eb = ib.next();
			int byName = ea.getKey().compareTo(eb.getKey());
			if (byName != 0) {
				// The set with the smaller name lacks the other's label at that position.
				return -byName;
			}
			int byValue = ea.getValue().compareTo(eb.getValue());
			if (byValue != 0) {
				return byValue;
			}
		}
		return 0;
	}

}
