package io.zgw.alerts.notify;

import java.util.AbstractList;
import java.util.List;

import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.template.GoTime;
import io.zgw.alerts.template.Kv;
import io.zgw.alerts.template.TemplateValue;
import org.jspecify.annotations.Nullable;

/**
 * TemplateData is Alertmanager's template data ({@code template.Data}) for a
 * notification: dot in every receiver template, and the body of a webhook message.
 *
 * @param receiver {@code .Receiver}: the receiver name, regex-quoted as Alertmanager does
 * @param status {@code .Status}: "firing" when any alert fires, else "resolved"
 * @param alerts {@code .Alerts}, with {@code .Alerts.Firing} and {@code .Alerts.Resolved}
 * @param groupLabels {@code .GroupLabels}
 * @param commonLabels {@code .CommonLabels}: labels all alerts share
 * @param commonAnnotations {@code .CommonAnnotations}: annotations all alerts share
 * @param externalUrl {@code .ExternalURL}: link back to the gateway
 */
public record TemplateData(String receiver, String status, Alerts alerts, Kv groupLabels, Kv commonLabels,
		Kv commonAnnotations, String externalUrl) implements TemplateValue {

	/** Returns the data of a notification. */
	public static TemplateData of(Notification notification, String externalUrl) {
		List<Alert> alerts = notification.alerts().stream().map((alert) -> {
			boolean resolved = alert.resolvedAt(notification.at());
			// As Alertmanager: an end in the future is not exposed.
			return new Alert(resolved ? "resolved" : "firing", new Kv(alert.labels().asMap()),
					new Kv(alert.annotations()), GoTime.of(alert.startsAt()),
					GoTime.of(resolved ? alert.endsAt() : null), alert.generatorUrl(), alert.fingerprint());
		}).toList();
		return new TemplateData(quoteMeta(notification.receiver()), notification.status(), new Alerts(alerts),
				new Kv(notification.groupLabels().asMap()), new Kv(notification.commonLabels().asMap()),
				new Kv(notification.commonAnnotations()), externalUrl);
	}

	// Alertmanager puts regexp.QuoteMeta(receiver) into its template data.
	static String quoteMeta(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	@Override
	public @Nullable Object field(String name) {
		return switch (name) {
			case "Receiver" -> this.receiver;
			case "Status" -> this.status;
			case "Alerts" -> this.alerts;
			case "GroupLabels" -> this.groupLabels;
			case "CommonLabels" -> this.commonLabels;
			case "CommonAnnotations" -> this.commonAnnotations;
			case "ExternalURL" -> this.externalUrl;
			default -> throw TemplateValue.noSuchField(name, this);
		};
	}

	/**
	 * Alert is one alert of the data ({@code template.Alert}).
	 *
	 * @param status "firing" or "resolved"
	 * @param labels the alert's labels
	 * @param annotations the alert's annotations
	 * @param startsAt when it started
	 * @param endsAt when it resolved; Go's zero time while it fires
	 * @param generatorUrl link to the source
	 * @param fingerprint 16 hex digits of the label set's fingerprint
	 */
	public record Alert(String status, Kv labels, Kv annotations, GoTime startsAt, GoTime endsAt, String generatorUrl,
			String fingerprint) implements TemplateValue {

		@Override
		public @Nullable Object field(String name) {
			return switch (name) {
				case "Status" -> this.status;
				case "Labels" -> this.labels;
				case "Annotations" -> this.annotations;
				case "StartsAt" -> this.startsAt;
				case "EndsAt" -> this.endsAt;
				case "GeneratorURL" -> this.generatorUrl;
				case "Fingerprint" -> this.fingerprint;
				default -> throw TemplateValue.noSuchField(name, this);
			};
		}

	}

	/** Alerts is the data's alert list ({@code template.Alerts}). */
	public static final class Alerts extends AbstractList<Alert> implements TemplateValue {

		private final List<Alert> alerts;

		Alerts(List<Alert> alerts) {
			this.alerts = List.copyOf(alerts);
		}

		@Override
		public Alert get(int index) {
			return this.alerts.get(index);
		}

		@Override
		public int size() {
			return this.alerts.size();
		}

		@Override
		public @Nullable Object field(String name) {
			return switch (name) {
				case "Firing" -> withStatus("firing");
				case "Resolved" -> withStatus("resolved");
				default -> throw TemplateValue.noSuchField(name, this);
			};
		}

		private List<Alert> withStatus(String status) {
			return this.alerts.stream().filter((alert) -> alert.status().equals(status)).toList();
		}

	}

}
