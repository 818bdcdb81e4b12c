package io.zgw.alerts.config;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.zgw.alerts.template.Template;

/**
 * VictorOpsConfig is a {@code victorops_configs} entry (Splunk On-Call's REST endpoint);
 * its fields are templates, Alertmanager's defaults where the file sets none.
 *
 * @param apiKey {@code api_key} ({@code global.victorops_api_key} unless set): part of
 * the URL, a secret
 * @param apiUrl {@code api_url} ({@code global.victorops_api_url} unless set)
 * @param routingKey {@code routing_key}
 * @param messageType {@code message_type}: CRITICAL unless set (RECOVERY when resolved)
 * @param entityDisplayName {@code entity_display_name}
 * @param stateMessage {@code state_message}, cut to 20,480 characters
 * @param monitoringTool {@code monitoring_tool}
 * @param customFields {@code custom_fields}
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record VictorOpsConfig(String apiKey, String apiUrl, Template routingKey, Template messageType,
		Template entityDisplayName, Template stateMessage, Template monitoringTool, Map<String, Template> customFields,
		boolean sendResolved, HttpClientConfig http) implements Integration {

	/** Alertmanager's {@code global.victorops_api_url}. */
	public static final String DEFAULT_URL = "https://alert.victorops.com/integrations/generic/20131114/alert/";

	/** The message's own fields, which a custom field may not replace. */
	public static final Set<String> RESERVED_FIELDS = Set.of("routing_key", "message_type", "state_message",
			"entity_display_name", "monitoring_tool", "entity_id", "entity_state");

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("message_type", "CRITICAL", "entity_display_name",
			"{{ template \"victorops.default.entity_display_name\" . }}", "state_message",
			"{{ template \"victorops.default.state_message\" . }}", "monitoring_tool",
			"{{ template \"victorops.default.monitoring_tool\" . }}");

	public VictorOpsConfig {
		customFields = Collections.unmodifiableMap(new TreeMap<>(customFields));
	}

	@Override
	public String type() {
		return "victorops";
	}

	// The API key is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "VictorOpsConfig[apiKey=<secret>, apiUrl=" + this.apiUrl + ", sendResolved=" + this.sendResolved
				+ ", http=" + this.http + "]";
	}

}
