package io.zgw.gateway.notify.jira;

import java.net.URI;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.HttpConfig;
import io.zgw.gateway.notify.http.HttpIntegrationConfig;
import io.zgw.gateway.notify.webhook.WebhookConfig;

/**
 * JiraConfig is the delivery part of one entry of a receiver's {@code jira_configs}; what
 * the issue says and the transitions belong to rendering.
 *
 * @param sendResolved {@code send_resolved} (Alertmanager's default for Jira is true)
 * @param apiUrl {@code api_url}: Jira's REST API base, such as
 * {@code https://example.atlassian.net/rest/api/2}
 * @param httpConfig {@code http_config}: Jira's basic (e-mail and API token) or bearer
 * (personal access token) authentication
 */
public record JiraConfig(boolean sendResolved, URI apiUrl, HttpConfig httpConfig) implements HttpIntegrationConfig {

	public JiraConfig {
		WebhookConfig.requireHttpUrl(new Secret(apiUrl.toString()), "jira_configs.api_url");
	}

	/** The URL of {@code path} under the API base, as Go's {@code URL.JoinPath}. */
	URI resolve(String path) {
		String base = this.apiUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + path);
	}

}
