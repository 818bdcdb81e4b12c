package io.zgw.gateway.notify.email;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * EmailMessage is the rendered email an email {@link io.zgw.gateway.notify.Delivery}
 * carries as its JSON payload, field for field with alert-scripts'
 * {@code io.zgw.alerts.notify.EmailMessage}: {@code {"to": ..., "from": ..., "subject":
 * ..., "html": ..., "body": ..., "headers": {...}}}.
 *
 * @param to recipients, comma separated, or null for the config's {@code to}
 * @param from sender, or null for the config's {@code from}
 * @param subject the Subject header
 * @param html the HTML body, or null for none
 * @param body the plain-text body, empty for none
 * @param headers further headers, applied after the config's
 */
public record EmailMessage(@Nullable String to, @Nullable String from, String subject, @Nullable String html,
		String body, Map<String, String> headers) {

	public EmailMessage {
		body = (body != null) ? body : "";
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
