package io.zgw.gateway.alerting.amapi;

import java.util.List;
import java.util.regex.Pattern;

import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * VisibleAlerts finds the stored alerts with a label fingerprint (as Alertmanager's API
 * and webhook payloads carry it) that an API key may see, for zgw's per-alert endpoints.
 */
final class VisibleAlerts {

	private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

	private VisibleAlerts() {
	}

	/** Refuses (400) anything but a label fingerprint: 16 lower-case hex digits. */
	static String requireFingerprint(@Nullable String fingerprint) {
		if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
			throw ApiException.badParameter("fingerprint",
					"fingerprint must be an alert's label fingerprint: 16 lower-case hex digits");
		}
		return fingerprint;
	}

	/**
	 * Returns the stored alerts with the fingerprint whose business line the key sees;
	 * none is a 404, so a hidden alert answers as an absent one and a scoped key learns
	 * nothing of it.
	 */
	static List<StoredAlert> byFingerprint(AlertReader reader, ApiPrincipal principal, String fingerprint) {
		List<StoredAlert> visible = reader.byFingerprint(fingerprint)
			.stream()
			.filter((alert) -> principal.canSee(alert.labels().get("business_line")))
			.toList();
		if (visible.isEmpty()) {
			throw ApiException.notFound("no stored alert with fingerprint " + fingerprint);
		}
		return visible;
	}

}
