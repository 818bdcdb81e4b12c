package io.zgw.gateway.notify.email;

import java.util.Map;

/**
 * EmailMessage is the rendered email an email {@link io.zgw.gateway.notify.Delivery}
 * carries as its JSON payload: {@code {"subject": ..., "text": ..., "headers": {...}}}.
 *
 * @param subject the Subject header
 * @param text the plain-text body
 * @param headers further headers, applied after the config's
 */
public record EmailMessage(String subject, String text, Map<String, String> headers) {

	public EmailMessage {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
