package io.zgw.gateway.alerting.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.matcher.MatchType;
import io.zgw.alerts.matcher.Matcher;
import io.zgw.alerts.model.LabelSet;
import io.zgw.alerts.silence.Silence;
import io.zgw.gateway.alerting.AlertingMetrics;
import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.amapi.SilenceMuting;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.AlertWriter;
import io.zgw.gateway.alerting.store.SilenceStore;
import io.zgw.gateway.alerting.store.StoreUnavailableException;
import io.zgw.gateway.alerting.store.StoredAlert;
import io.zgw.gateway.alerting.store.StoredSilence;
import io.zgw.gateway.notify.NotifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * SilenceExpiryNotices warns before a silence that still mutes firing alerts ends
 * (Alertmanager #730, #1639): {@code zgw.alerting.silence-expiry.notice} before its end,
 * a plain silence longer than that notice which mutes at least one firing alert gets an
 * alert of zgw's own, {@code alertname="SilenceExpiring"} with the silence's id and
 * creator, stored and routed like any posted alert. Each check posts it again with a
 * short end, as Prometheus re-sends a firing alert, so the notice resolves at the
 * silence's end, or within three checks once the silence was extended or expired or mutes
 * nothing any more. Recurring silences get no notice: they end and begin again by their
 * schedule.
 */
@Component
public class SilenceExpiryNotices {

	/** The alertname of a notice. */
	public static final String ALERTNAME = "SilenceExpiring";

	private static final Logger log = LoggerFactory.getLogger(SilenceExpiryNotices.class);

	private final SilenceStore silences;

	private final AlertReader alerts;

	private final AlertWriter writer;

	private final SilenceExpiryProperties properties;

	private final Duration commitTimeout;

	private final String externalUrl;

	private final Clock clock;

	// Registered at start, so the series exists at 0 before the first notice.
	private final Counter posted;

	SilenceExpiryNotices(SilenceStore silences, AlertReader alerts, AlertWriter writer,
			SilenceExpiryProperties properties, AlertingProperties alerting, NotifyProperties notify,
			ObjectProvider<Clock> clock, MeterRegistry meters) {
		this.silences = silences;
		this.alerts = alerts;
		this.writer = writer;
		this.properties = properties;
		this.commitTimeout = alerting.writer().commitTimeout();
		this.externalUrl = notify.externalUrl();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.posted = meters.counter(AlertingMetrics.SILENCE_EXPIRY_NOTICES);
	}

	/** Checks the silences now, as the scheduled job does. */
	public int checkNow() {
		return check(this.clock.instant());
	}

	/**
	 * Posts (again) the notice of every silence ending within the notice that mutes
	 * firing alerts at {@code now}; returns how many.
	 * @throws StoreUnavailableException when the notices could not be stored
	 */
	public int check(Instant now) {
		Duration notice = this.properties.notice();
		if (notice.isZero()) {
			return 0;
		}
		List<StoredSilence> ending = new ArrayList<>();
		for (StoredSilence silence : this.silences.activeAt(now)) {
			Instant from = silence.endsAt().minus(notice);
			if (silence.schedule() == null && silence.startsAt().isBefore(from) && !now.isBefore(from)) {
				ending.add(silence);
			}
		}
		if (ending.isEmpty()) {
			return 0;
		}
		List<StoredAlert> firing = this.alerts.firingAt(now);
		List<AlertUpsert> notices = new ArrayList<>();
		for (StoredSilence stored : ending) {
			Silence silence = SilenceMuting.toSilence(stored);
			long muted = firing.stream()
				.filter((alert) -> !isNotice(alert.labels()) && silence.matches(alert.labels()))
				.count();
			if (muted > 0) {
				notices.add(notice(stored, silence, muted, now));
			}
		}
		if (!notices.isEmpty()) {
			store(notices);
			this.posted.increment(notices.size());
			log.debug("Posted {} silence expiry notice(s)", notices.size());
		}
		return notices.size();
	}

	private AlertUpsert notice(StoredSilence stored, Silence silence, long muted, Instant now) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", ALERTNAME);
		labels.put("silence_id", stored.id());
		labels.put("created_by", stored.createdBy());
		// A silence pinned to a business line names it, under a label of its own: as
		// business_line the notice would be muted by the silence it announces.
		for (Matcher matcher : silence.matchers()) {
			if (matcher.name().equals("business_line") && matcher.type() == MatchType.EQUAL) {
				labels.put("silence_business_line", matcher.value());
			}
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		annotations.put("summary", "Silence " + stored.id() + " by " + stored.createdBy() + " ends at "
				+ stored.endsAt() + "; " + muted + " firing alert(s) it mutes will notify again");
		annotations.put("comment", stored.comment());
		annotations.put("matchers", silence.matchers().toString());
		annotations.put("silenced_alerts", Long.toString(muted));
		annotations.put("ends_at", stored.endsAt().toString());
		// The lease is a timeout: the notice's end moves with each check, and may come
		// earlier when the silence is shortened.
		Instant lease = now.plus(this.properties.check().multipliedBy(3));
		Instant endsAt = stored.endsAt().isBefore(lease) ? stored.endsAt() : lease;
		return new AlertUpsert(LabelSet.of(labels), annotations, this.externalUrl + "/api/v2/silence/" + stored.id(),
				stored.endsAt().minus(this.properties.notice()), endsAt, true);
	}

	private void store(List<AlertUpsert> notices) {
		try {
			this.writer.submitAll(notices).get(this.commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while storing silence expiry notices", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StoreUnavailableException("silence expiry notices could not be stored: " + ex, ex);
		}
	}

	private static boolean isNotice(LabelSet labels) {
		return ALERTNAME.equals(labels.get("alertname")) && !labels.get("silence_id").isEmpty();
	}

}
