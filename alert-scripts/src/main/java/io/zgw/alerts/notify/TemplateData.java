package io.zgw.alerts.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.Alert;

/**
 * TemplateData is what Alertmanager's templates see of a notification, with the default
 * title and a small placeholder substitution in place of Go templates.
 *
 * <p>
 * Supported placeholders (anything else stays verbatim): {@code {{ .Status }}}, {@code {{
 * .Status | toUpper }}}, {@code {{ .Receiver }}}, {@code {{ .ExternalURL }}}, {@code {{
 * .GroupLabels.NAME }}}, {@code {{ .CommonLabels.NAME }}}, {@code {{
 * .CommonAnnotations.NAME }}}, {@code {{ .Alerts.Firing | len }}}, {@code {{
 * .Alerts.Resolved | len }}}, {@code {{ len .Alerts }}}, and {@code {{ template "NAME" .
 * }}} for the default titles {@code __subject}, {@code slack.default.title} and
 * {@code email.default.subject}.
 *
 * @param notification the notification
 * @param externalUrl the gateway's external URL, for links
 */
public record TemplateData(Notification notification, String externalUrl) {

	private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");

	private static final Pattern FIELD = Pattern.compile("\\.(GroupLabels|CommonLabels|CommonAnnotations)\\.(\\w+)");

	private static final Pattern TEMPLATE = Pattern
		.compile("template\\s+\"(__subject|slack\\.default\\.title|email\\.default\\.subject)\"\\s+\\.");

	private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** Returns "firing" or "resolved". */
	public String status() {
		return this.notification.status();
	}

	/**
	 * Returns Alertmanager's default title ({@code __subject}), e.g.
	 * {@code [FIRING:2] Load pay (prod)}: status, firing count, group label values, then
	 * the values of the other common labels.
	 */
	public String defaultTitle() {
		StringBuilder title = new StringBuilder("[").append(status().toUpperCase(Locale.ROOT));
		if ("firing".equals(status())) {
			title.append(':').append(this.notification.firing().size());
		}
		title.append("] ").append(String.join(" ", this.notification.groupLabels().asMap().values()));
		Map<String, String> rest = new TreeMap<>(this.notification.commonLabels().asMap());
		rest.keySet().removeAll(this.notification.groupLabels().asMap().keySet());
		if (!rest.isEmpty()) {
			title.append(" (").append(String.join(" ", rest.values())).append(')');
		}
		return title.toString().strip();
	}

	/** Returns a plain-text list of the alerts, one paragraph each. */
	public String defaultText() {
		StringBuilder text = new StringBuilder();
		appendSection(text, "Firing", this.notification.firing());
		appendSection(text, "Resolved", this.notification.resolved());
		return text.toString().strip();
	}

	/** Returns a link to the receiver's alerts, as Alertmanager's default title link. */
	public String alertsLink() {
		return this.externalUrl + "/#/alerts?receiver="
				+ URLEncoder.encode(this.notification.receiver(), StandardCharsets.UTF_8);
	}

	/** Substitutes the supported placeholders in the text; others stay verbatim. */
	public String render(String template) {
		Matcher m = ACTION.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = evaluate(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : m.group()));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String evaluate(String action) {
		String a = action.replaceAll("\\s+", " ");
		switch (a) {
			case ".Status":
				return status();
			case ".Status | toUpper":
				return status().toUpperCase(Locale.ROOT);
			case ".Receiver":
				return this.notification.receiver();
			case ".ExternalURL":
				return this.externalUrl;
			case ".Alerts.Firing | len", "len .Alerts.Firing":
				return Integer.toString(this.notification.firing().size());
			case ".Alerts.Resolved | len", "len .Alerts.Resolved":
				return Integer.toString(this.notification.resolved().size());
			case ".Alerts | len", "len .Alerts":
				return Integer.toString(this.notification.alerts().size());
			default:
				break;
		}
		if (TEMPLATE.matcher(a).matches()) {
			return defaultTitle();
		}
		Matcher field = FIELD.matcher(a);
		if (field.matches()) {
			Map<String, String> map = switch (field.group(1)) {
				case "GroupLabels" -> this.notification.groupLabels().asMap();
				case "CommonLabels" -> this.notification.commonLabels().asMap();
				default -> this.notification.commonAnnotations();
			};
			return map.getOrDefault(field.group(2), "");
		}
		return null;
	}

	private static void appendSection(StringBuilder text, String heading, List<Alert> alerts) {
		if (alerts.isEmpty()) {
			return;
		}
		text.append(heading).append(" (").append(alerts.size()).append("):\n");
		for (Alert alert : alerts) {
			String summary = alert.annotations()
				.getOrDefault("summary",
						alert.annotations().getOrDefault("description", alert.labels().get("alertname")));
			text.append("- ").append(summary).append('\n');
			text.append("  labels: ")
				.append(alert.labels()
					.asMap()
					.entrySet()
					.stream()
					.map((e) -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining(", ")))
				.append('\n');
			text.append("  since: ").append(READABLE.format(alert.startsAt()));
			if (alert.endsAt() != null && heading.equals("Resolved")) {
				text.append(", resolved: ").append(READABLE.format(alert.endsAt()));
			}
			text.append('\n');
			if (!alert.generatorUrl().isEmpty()) {
				text.append("  source: ").append(alert.generatorUrl()).append('\n');
			}
		}
		text.append('\n');
	}

	static String goTime(Instant instant) {
		if (instant == null) {
			return "0001-01-01T00:00:00Z";
		}
		// Go's RFC3339Nano: UTC with fractional seconds, trailing zeros trimmed.
		String text = DateTimeFormatter.ISO_INSTANT.format(instant);
		int dot = text.indexOf('.');
		if (dot < 0) {
			return text;
		}
		String fraction = text.substring(dot + 1, text.length() - 1).replaceAll("0+$", "");
		return text.substring(0, dot) + (fraction.isEmpty() ? "" : "." + fraction) + "Z";
	}

}
