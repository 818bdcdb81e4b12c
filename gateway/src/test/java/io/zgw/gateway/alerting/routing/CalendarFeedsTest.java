package io.zgw.gateway.alerting.routing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.alerts.config.CalendarSource;
import io.zgw.alerts.config.HttpAuth;
import io.zgw.alerts.config.HttpClientConfig;
import io.zgw.gateway.alerting.dispatch.DispatchMetrics;
import io.zgw.gateway.alerting.dispatch.DispatchProperties;
import io.zgw.gateway.testsupport.ManualClock;
import io.zgw.gateway.testsupport.RecordingReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests {@link CalendarFeeds} against a real HTTP server: calendars fetched once per
 * refresh interval, changes noticed, and the last copy kept through the service's
 * failures and a restart.
 */
class CalendarFeedsTest {

	private static final Duration REFRESH = Duration.ofMinutes(5);

	private final RecordingReceiver server = new RecordingReceiver();

	private final ManualClock clock = ManualClock.atSomeMoment();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@TempDir
	Path cache;

	@AfterEach
	void close() {
		this.server.close();
	}

	private CalendarFeeds feeds() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock", this.clock);
		DispatchProperties properties = new DispatchProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(5),
				null, Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), 4,
				Duration.ofSeconds(1), REFRESH, this.cache);
		return new CalendarFeeds(properties, this.meters, beans.getBeanProvider(Clock.class));
	}

	private double fetches(String outcome) {
		return this.meters.counter(DispatchMetrics.CALENDAR_FETCHES, DispatchMetrics.TAG_OUTCOME, outcome).count();
	}

	@Test
	void aCalendarIsFetchedOncePerRefreshIntervalAndAChangeIsNoticed() throws IOException {
		CalendarSource url = CalendarSource.of(URI.create(this.server.url("/private-s3cr3t/basic.ics")));
		CalendarFeeds feeds = feeds();
		this.server.answerWith(200, "text/calendar", "first");
		assertThat(feeds.fetch(url)).isEqualTo("first");
		assertThat(feeds.fetch(url)).isEqualTo("first");
		assertThat(feeds.refreshDue(Set.of(url))).isFalse();
		assertThat(this.server.received()).hasSize(1);

		this.server.answerWith(200, "text/calendar", "second");
		this.clock.advance(REFRESH.minusSeconds(1));
		assertThat(feeds.refreshDue(Set.of(url))).as("not due yet").isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(feeds.refreshDue(Set.of(url))).isTrue();
		assertThat(feeds.fetch(url)).isEqualTo("second");
		this.clock.advance(REFRESH);
		assertThat(feeds.refreshDue(Set.of(url))).as("unchanged").isFalse();
		assertThat(this.server.received()).hasSize(3);
		assertThat(fetches("success")).isEqualTo(3);
	}

	@Test
	void theLastCopyServesThroughFailuresAndARestartButNoCopyMeansARefusal() throws IOException {
		CalendarSource url = CalendarSource.of(URI.create(this.server.url("/private-s3cr3t/basic.ics")));
		this.server.answerWith(503);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> feeds().fetch(url))
			.withMessage("HTTP 503")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cr3t"));

		this.server.answerWith(200, "text/calendar", "kept");
		CalendarFeeds feeds = feeds();
		assertThat(feeds.fetch(url)).isEqualTo("kept");
		this.server.answerWith(500);
		this.clock.advance(REFRESH);
		assertThat(feeds.refreshDue(Set.of(url))).isFalse();
		assertThat(feeds.fetch(url)).isEqualTo("kept");
		assertThat(fetches("failure")).isEqualTo(2);
		// Tried again only after another refresh interval.
		int requests = this.server.received().size();
		assertThat(feeds.fetch(url)).isEqualTo("kept");
		assertThat(this.server.received()).hasSize(requests);

		// A restart while the service is down: the copy on disk.
		this.server.down();
		assertThat(feeds().fetch(url)).isEqualTo("kept");
		assertThat(this.cache.toFile().list()).singleElement()
			.satisfies((name) -> assertThat(name).doesNotContain("s3cr3t").endsWith(".ics"));
	}

	@Test
	void aCalendarIsFetchedWithItsHttpConfigWhoseCredentialsGoToItsHostOnly() throws IOException {
		CalendarSource source = new CalendarSource(URI.create(this.server.url("/v2/schedules/dba.ics")),
				new HttpClientConfig(new HttpAuth.Authorization("GenieKey", "k3y"), null, null, true, true));
		this.server.answerWith(200, "text/calendar", "calendar");
		assertThat(feeds().fetch(source)).isEqualTo("calendar");
		assertThat(this.server.received()).singleElement()
			.extracting(RecordingReceiver.Received::authorization)
			.isEqualTo("GenieKey k3y");

		// Moved to another host: followed, without the key.
		try (RecordingReceiver elsewhere = new RecordingReceiver()) {
			elsewhere.answerWith(200, "text/calendar", "moved");
			this.server.answerWith(302);
			this.server.redirectTo(elsewhere.url("/dba.ics"));
			assertThat(feeds().fetch(source)).isEqualTo("moved");
			assertThat(elsewhere.received()).singleElement()
				.satisfies((request) -> assertThat(request.authorization()).isNullOrEmpty());
		}

		this.server.answerWith(401);
		CalendarSource refused = new CalendarSource(URI.create(this.server.url("/v2/schedules/other.ics")),
				source.http());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> feeds().fetch(refused)).withMessage("HTTP 401");
	}

	@Test
	void aCalendarNoLongerNamedIsForgotten() throws IOException {
		CalendarSource kept = CalendarSource.of(URI.create(this.server.url("/kept.ics")));
		CalendarSource dropped = CalendarSource.of(URI.create(this.server.url("/dropped.ics")));
		this.server.answerWith(200, "text/calendar", "text");
		CalendarFeeds feeds = feeds();
		feeds.fetch(kept);
		feeds.fetch(dropped);
		this.clock.advance(REFRESH);
		feeds.refreshDue(Set.of(kept));
		assertThat(this.server.received()).extracting(RecordingReceiver.Received::path)
			.containsExactly("/kept.ics", "/dropped.ics", "/kept.ics");
	}

}
