package io.zgw.alerts.config;

import java.io.IOException;

/**
 * CalendarFetcher fetches the on-call calendars a routing file names by URL
 * ({@code calendar_url}); this library reads files itself and fetches nothing. A URL may
 * carry a secret (a private calendar address): implementations never put it in a message.
 */
@FunctionalInterface
public interface CalendarFetcher {

	/** Refuses every URL, for loading without a network. */
	CalendarFetcher NONE = (source) -> {
		throw new IOException("calendar URLs are fetched by the running gateway and its commands only");
	};

	/**
	 * Returns the calendar's text.
	 * @throws IOException when it cannot be fetched, with a message that does not name
	 * the URL
	 */
	String fetch(CalendarSource source) throws IOException;

}
