package io.zgw.alerts.config;

import java.net.URI;
import java.util.Objects;

/**
 * CalendarSource is an on-call calendar a routing file names by URL ({@code calendar_url}
 * or {@code calendar_url_file}) and how to fetch it: the rotation's {@code http_config}
 * (authentication such as Opsgenie's {@code GenieKey} or a CalDAV server's
 * {@code basic_auth}, TLS, a proxy), or none. The URL may carry a secret: only its host
 * belongs in a message.
 *
 * @param url the calendar's {@code http}, {@code https} or {@code webcal} URL
 * @param http how to fetch it
 */
public record CalendarSource(URI url, HttpClientConfig http) {

	public CalendarSource {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(http, "http");
	}

	/** Returns the source of a URL fetched without {@code http_config}. */
	public static CalendarSource of(URI url) {
		return new CalendarSource(url, HttpClientConfig.NONE);
	}

}
