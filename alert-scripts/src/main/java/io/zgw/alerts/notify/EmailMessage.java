package io.zgw.alerts.notify;

import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.config.EmailConfig;
import io.zgw.alerts.dispatch.Notification;
import org.jspecify.annotations.Nullable;

/**
 * EmailMessage is an email for a notification: subject, bodies and headers, ready for an
 * SMTP client.
 *
 * @param to recipients, comma separated, or null for the config's {@code to}
 * @param from sender, or null to let the mailer decide
 * @param subject the subject
 * @param html HTML body, or null for none
 * @param body plain-text body, empty for none
 * @param headers extra headers other than Subject, To and From
 */
public record EmailMessage(@Nullable String to, @Nullable String from, String subject, @Nullable String html,
		String body, Map<String, String> headers) {

	/**
	 * Builds the message, rendering the config's headers (Subject, To and From among
	 * them) and bodies; a template that fails is reported to {@code errors} and rendered
	 * with Alertmanager's default instead, or left out when it has none.
	 */
	public static EmailMessage of(Notification notification, EmailConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"email_configs", EmailConfig.DEFAULTS, errors);
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		config.headers().forEach((name, template) -> {
			String value = rendering.text(template, "headers." + name);
			if (value != null) {
				headers.put(name, value);
			}
		});
		String subject = headers.remove("Subject");
		String html = rendering.html(config.html(), "html");
		String text = rendering.text(config.text(), "text");
		return new EmailMessage(headers.remove("To"), headers.remove("From"), (subject != null) ? subject : "",
				(html == null || html.isEmpty()) ? null : html, (text != null) ? text : "", Map.copyOf(headers));
	}

}
