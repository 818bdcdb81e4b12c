package io.zgw.alerts.notify;

import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;

/**
 * EmailMessage is a plain-text email for a notification: subject, body and headers, ready
 * for an SMTP client.
 *
 * @param to recipients, comma separated
 * @param from sender, or null to let the mailer decide
 * @param subject the subject
 * @param body plain-text body
 * @param headers extra headers other than Subject, To and From
 */
public record EmailMessage(String to, @Nullable String from, String subject, String body, Map<String, String> headers) {

	/**
	 * Builds the message; a {@code Subject} header and {@code text} are rendered with
	 * {@link TemplateData#render}, and default to Alertmanager's subject and a plain list
	 * of the alerts.
	 */
	public static EmailMessage of(Notification notification, EmailConfig config, String externalUrl) {
		TemplateData data = new TemplateData(notification, externalUrl);
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		config.headers().forEach((name, value) -> headers.put(name, data.render(value)));
		String subject = headers.containsKey("Subject") ? headers.remove("Subject") : data.defaultTitle();
		String to = headers.containsKey("To") ? headers.remove("To") : config.to();
		String from = headers.containsKey("From") ? headers.remove("From") : config.from();
		String body = (config.text() != null) ? data.render(config.text())
				: data.defaultText() + "\n\nAlerts: " + data.alertsLink() + "\n";
		return new EmailMessage(to, from, subject, body, Map.copyOf(headers));
	}

}
