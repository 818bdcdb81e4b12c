package io.zgw.gateway.alerting;

/**
 * AlertingMetrics holds the names of the alert ingestion and store metrics (Micrometer
 * names; Prometheus shows them with underscores and unit suffixes).
 */
public final class AlertingMetrics {

	/** Alerts accepted and committed, tagged {@code source} (alertmanager, zabbix). */
	public static final String ALERTS_STORED = "zgw.alerts.stored";

	/**
	 * Alerts refused with 503, tagged {@code reason}: saturated (the writer's queues), or
	 * store_failed (a failed commit, of the writer or of a Zabbix event).
	 */
	public static final String ALERTS_REFUSED = "zgw.alerts.refused";

	/** Alerts waiting in the group-commit writer's queues. */
	public static final String WRITER_QUEUED = "zgw.alert.writer.queued";

	/** Alerts written per group commit. */
	public static final String WRITER_BATCH_ROWS = "zgw.alert.writer.batch.rows";

	/** Time one group commit takes, lookup and statements included. */
	public static final String WRITER_COMMIT = "zgw.alert.writer.commit";

	/**
	 * Rows deleted by the maintenance jobs, tagged {@link #TAG_KIND}:
	 * {@code zgw_retention_deleted_total} in Prometheus.
	 */
	public static final String RETENTION_DELETED = "zgw.retention.deleted";

	/**
	 * Tag of {@link #RETENTION_DELETED}: the table rows were deleted from ({@code alert},
	 * {@code alert_history}, {@code outbox}, {@code silence}, {@code notification_log}).
	 */
	public static final String TAG_KIND = "kind";

	/**
	 * Silence expiry notices posted, one per silence and check:
	 * {@code zgw_silence_expiry_notices_total} in Prometheus.
	 */
	public static final String SILENCE_EXPIRY_NOTICES = "zgw.silence.expiry.notices";

	private AlertingMetrics() {
	}

}
