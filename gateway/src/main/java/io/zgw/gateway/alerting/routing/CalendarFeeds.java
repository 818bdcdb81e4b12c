package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.config.CalendarFetcher;
import io.zgw.alerts.config.CalendarSource;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.JsonPoster;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * CalendarFeeds fetches the on-call calendars routing files name by URL
 * ({@code calendar_url}) and keeps the last copy of each, in memory and in a cache
 * directory, so that a calendar service's outage, even across a restart, leaves the
 * schedules as last fetched rather than refusing the routing file. The reloader asks it
 * every poll to fetch again those whose refresh interval passed, and reloads when one
 * changed. A URL may hold a private calendar's secret: only its host is ever logged.
 */
@Component
public class CalendarFeeds implements CalendarFetcher {

	private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

	// No calendar export of on-call shifts comes near this.
	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final JsonPoster http = client();

	private final Duration refresh;

	private final Path cache;

	private final Clock clock;

	private final Map<CalendarSource, Copy> copies = new ConcurrentHashMap<>();

	private final Counter fetched;

	private final Counter failed;

	CalendarFeeds(DispatchProperties properties, MeterRegistry meters, ObjectProvider<Clock> clock) {
		this.refresh = properties.calendarRefresh();
		this.cache = properties.calendarCache();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.fetched = fetches(meters, "success");
		this.failed = fetches(meters, "failure");
	}

	/** Returns a fetcher that downloads each calendar when asked, keeping nothing. */
	public static CalendarFetcher direct() {
		JsonPoster http = client();
		return (source) -> download(http, source);
	}

	/**
	 * Returns the calendar: the copy fetched within the refresh interval, else a fresh
	 * one, else (the service failing) the last copy kept.
	 * @throws IOException when it cannot be fetched and no copy is kept
	 */
	@Override
	public String fetch(CalendarSource source) throws IOException {
		Copy copy = this.copies.get(source);
		if (copy != null && !due(copy)) {
			return copy.text();
		}
		return refetch(source).text();
	}

	/**
	 * Fetches again the calendars of the configuration in use whose refresh interval
	 * passed, forgets those it no longer names, and returns whether one changed.
	 */
	public boolean refreshDue(Set<CalendarSource> inUse) {
		this.copies.keySet().retainAll(inUse);
		boolean changed = false;
		for (CalendarSource source : inUse) {
			Copy copy = this.copies.get(source);
			if (copy == null || due(copy)) {
				try {
					changed |= copy == null || !refetch(source).text().equals(copy.text());
				}
				catch (IOException ex) {
					// Counted and logged by refetch; the configuration keeps what it has.
				}
			}
		}
		return changed;
	}

	private boolean due(Copy copy) {
		return !this.clock.instant().isBefore(copy.tried().plus(this.refresh));
	}

	// Fetches the calendar; on failure keeps the last copy (in memory, else on disk),
	// to be tried again after the refresh interval.
	private Copy refetch(CalendarSource source) throws IOException {
		URI url = source.url();
		Instant now = this.clock.instant();
		try {
			Copy fresh = new Copy(download(this.http, source), now, now);
			this.copies.put(source, fresh);
			store(url, fresh.text());
			this.fetched.increment();
			return fresh;
		}
		catch (IOException ex) {
			this.failed.increment();
			Copy kept = this.copies.get(source);
			if (kept == null) {
				kept = stored(url);
			}
			if (kept == null) {
				log.error("Calendar from {} cannot be fetched and no copy is kept: {}", url.getHost(), ex.getMessage());
				throw ex;
			}
			log.warn("Calendar from {} cannot be fetched ({}); using the copy fetched {}", url.getHost(),
					ex.getMessage(), kept.fetched());
			Copy retried = new Copy(kept.text(), kept.fetched(), now);
			this.copies.put(source, retried);
			return retried;
		}
	}

	// With the rotation's http_config: its authentication (to the calendar's host
	// only, as a receiver's), TLS and proxy.
	private static String download(JsonPoster http, CalendarSource source) throws IOException {
		// webcal:// is how calendar services offer a subscription; it is served over
		// https.
		URI url = source.url();
		URI target = "webcal".equals(url.getScheme()) ? URI.create("https" + url.toString().substring(6)) : url;
		HttpConfig config;
		try {
			config = HttpConfig.of(source.http());
		}
		catch (IllegalArgumentException ex) {
			// An unusable tls_config, named with its file.
			throw new IOException(ex.getMessage(), ex);
		}
		HttpResponse<InputStream> response;
		try {
			response = http.with(config).get(target, config, TIMEOUT);
		}
		catch (IllegalArgumentException ex) {
			// Its text may quote a header's value.
			throw new IOException("unusable URL or header value");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (IOException ex) {
			// The exception's message may hold the URL.
			throw new IOException(ex.getClass().getSimpleName());
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() / 100 != 2) {
				throw new IOException("HTTP " + response.statusCode());
			}
			byte[] bytes = body.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new IOException("larger than " + MAX_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private void store(URI url, String text) {
		try {
			Files.createDirectories(this.cache);
			Path temporary = Files.createTempFile(this.cache, "calendar-", ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, cached(url), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			log.warn("Calendar from {} cannot be kept in {}: {}", url.getHost(), this.cache, ex.toString());
		}
	}

	private @Nullable Copy stored(URI url) {
		Path file = cached(url);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			Instant at = Files.getLastModifiedTime(file).toInstant();
			return new Copy(Files.readString(file, StandardCharsets.UTF_8), at, at);
		}
		catch (IOException ex) {
			return null;
		}
	}

	// The cache file of a URL: named by its SHA-256, so the name gives no secret away.
	private Path cached(URI url) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(url.toString().getBytes(StandardCharsets.UTF_8));
			return this.cache.resolve(HexFormat.of().formatHex(digest) + ".ics");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonPoster client() {
		return new JsonPoster(JsonPoster.newClient(Duration.ofSeconds(10)));
	}

	private static Counter fetches(MeterRegistry meters, String outcome) {
		return Counter.builder(DispatchMetrics.CALENDAR_FETCHES)
			.description("Fetches of on-call calendars named by calendar_url, by outcome")
			.tag(DispatchMetrics.TAG_OUTCOME, outcome)
			.register(meters);
	}

	/**
	 * Copy is a calendar as last fetched.
	 *
	 * @param text what the URL served
	 * @param fetched when it was fetched
	 * @param tried when a fetch was last tried
	 */
	private record Copy(String text, Instant fetched, Instant tried) {
	}

}
