package io.zgw.alerts.config;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * IncidentioConfig is an {@code incidentio_configs} entry (Alertmanager 0.29): the
 * webhook message POSTed to an incident.io HTTP alert source, as {@code version} "1",
 * with the alert source token as a bearer token.
 *
 * @param url {@code url} or the content of {@code url_file}: the alert source's URL
 * @param sendResolved {@code send_resolved} (default true)
 * @param maxAlerts {@code max_alerts}: most alerts in one message, 0 for all
 * @param timeout {@code timeout}: the limit of one request, null for the gateway's
 * default (Alertmanager's 0, no limit, is not offered: a request that never ends would
 * hold a delivery slot)
 * @param http {@code http_config}, whose authorization is the alert source token when
 * {@code alert_source_token} or {@code alert_source_token_file} is set
 */
public record IncidentioConfig(String url, boolean sendResolved, int maxAlerts, @Nullable Duration timeout,
		HttpClientConfig http) implements Integration {

	public IncidentioConfig {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(http, "http");
	}

	@Override
	public String type() {
		return "incidentio";
	}

	// The URL names the alert source and the token is a secret: print neither.
	@Override
	public String toString() {
		return "IncidentioConfig[url=<secret>, sendResolved=" + this.sendResolved + ", maxAlerts=" + this.maxAlerts
				+ ", timeout=" + this.timeout + ", http=" + this.http + "]";
	}

}
