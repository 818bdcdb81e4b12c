package io.zgw.gateway.notify;

import java.util.Objects;

/**
 * Secret holds a credential or a URL with a token in it so that {@code toString()} (and
 * so every log line and config dump) shows {@code <secret>}, as Alertmanager's config
 * does.
 *
 * @param value the secret itself; only senders read it
 */
public record Secret(String value) {

	public Secret {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return "<secret>";
	}

}
