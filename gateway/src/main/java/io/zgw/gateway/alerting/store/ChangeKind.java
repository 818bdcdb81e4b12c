package io.zgw.gateway.alerting.store;

import java.util.Locale;

/**
 * ChangeKind names a state change recorded in {@code alert_history}.
 */
public enum ChangeKind {

	/** The alert was seen for the first time. */
	CREATED,
	/** A resolved alert fired again. */
	REFIRED,
	/** The alert resolved. */
	RESOLVED,
	/** Zabbix: a problem update without a more specific action. */
	UPDATED,
	/** The problem was acknowledged in Zabbix, or the alert through zgw's API. */
	ACKNOWLEDGED,
	/** The acknowledgement was withdrawn (in Zabbix, or through the API). */
	UNACKNOWLEDGED,
	/** Zabbix: the problem's severity was changed. */
	SEVERITY_CHANGED,
	/** Zabbix: a comment was added. */
	COMMENTED,
	/** Zabbix: the problem was closed manually. */
	CLOSED;

	/** Returns the name stored in the database. */
	public String columnValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
