package io.zgw.gateway.alerting.store;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import static io.zgw.sql.Tables.ALERT;
import static io.zgw.sql.Tables.ALERT_HISTORY;

/**
 * AlertAcknowledgements records that somebody took on (or gave back) an alert posted to
 * the Alertmanager API: the firing occurrence it was, not later ones. A Zabbix problem is
 * acknowledged in Zabbix, whose webhook brings the news.
 */
@Component
public class AlertAcknowledgements {

	/** The source recorded in the history for changes made through zgw's API. */
	static final String SOURCE = "api";

	private final DSLContext dsl;

	private final JsonMapper json;

	private final Clock clock;

	private final AlertReader reader;

	private final AlertCommits commits;

	AlertAcknowledgements(DSLContext dsl, JsonMapper json, ObjectProvider<Clock> clock, AlertReader reader,
			AlertCommits commits) {
		this.dsl = dsl;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.reader = reader;
		this.commits = commits;
	}

	/**
	 * Sets whether the alert, as read, is acknowledged, and records who did it in its
	 * history, in one transaction. Returns the alert as stored then, or empty when it is
	 * no longer that firing occurrence (it resolved or fired anew meanwhile).
	 */
	public Optional<StoredAlert> acknowledge(StoredAlert alert, boolean acknowledged, String user,
			@Nullable String message) {
		if (alert.acknowledged() == acknowledged) {
			return Optional.of(alert);
		}
		boolean applied = StoreAccess.read(() -> this.dsl.transactionResult((tx) -> {
			Field<LocalDateTime> now = UtcTimes.param(this.clock.instant());
			// written_by names this replica, so the dispatch lease holder, wherever it
			// runs, reads the change back from the store.
			int updated = tx.dsl()
				.update(ALERT)
				.set(ALERT.ACKNOWLEDGED, acknowledged)
				.set(ALERT.UPDATED_AT, now)
				.set(ALERT.WRITTEN_BY, this.commits.writer())
				.where(ALERT.ALERT_KEY.eq(alert.alertKey()))
				.and(ALERT.STARTS_AT.eq(UtcTimes.param(alert.startsAt())))
				.and(ALERT.ENDS_AT.isNull().or(ALERT.ENDS_AT.gt(now)))
				.execute();
			if (updated == 0) {
				return false;
			}
			Map<String, String> detail = new LinkedHashMap<>();
			detail.put("user", user);
			if (message != null) {
				detail.put("message", message);
			}
			tx.dsl()
				.insertInto(ALERT_HISTORY)
				.set(ALERT_HISTORY.ALERT_KEY, alert.alertKey())
				.set(ALERT_HISTORY.FINGERPRINT, alert.fingerprint())
				.set(ALERT_HISTORY.CHANGE_KIND,
						(acknowledged ? ChangeKind.ACKNOWLEDGED : ChangeKind.UNACKNOWLEDGED).columnValue())
				.set(ALERT_HISTORY.SOURCE, SOURCE)
				.set(ALERT_HISTORY.OCCURRED_AT, now)
				.set(ALERT_HISTORY.RECORDED_AT, now)
				.set(ALERT_HISTORY.DETAIL, this.json.writeValueAsString(detail))
				.execute();
			return true;
		}));
		return applied ? this.reader.find(alert.alertKey()) : Optional.empty();
	}

}
