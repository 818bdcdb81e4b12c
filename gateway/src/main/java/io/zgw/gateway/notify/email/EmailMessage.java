package io.zgw.gateway.notify.email;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * EmailMessage is the rendered email an email {@link io.zgw.gateway.notify.Delivery}
 * carries as its JSON payload, field for field with alert-scripts'
 * {@code io.zgw.alerts.notify.EmailMessage}: {@code {"to": ..., "from": ..., "subject":
 * ..., "body": ..., "headers": {...}}}.
 *
 * @param to recipients, comma separated, or null for the config's {@code to}
 * @param from sender, or null for the config's {@code from}
 * @param subject the Subject header
 * @param body the plain-text body
 * @param headers further headers, applied after the config's
 */
public record EmailMessage(@Nullable String to, @Nullable String from, String subject, String body,
		Map<String, String> headers) {

	public EmailMessage {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
