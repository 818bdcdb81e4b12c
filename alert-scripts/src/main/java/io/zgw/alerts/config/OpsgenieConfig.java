package io.zgw.alerts.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.template.Template;

/**
 * OpsgenieConfig is an {@code opsgenie_configs} entry (Opsgenie Alert API v2); its
 * message fields are templates, Alertmanager's defaults where the file sets none.
 *
 * @param apiKey {@code api_key} ({@code global.opsgenie_api_key} unless set), sent as
 * {@code Authorization: GenieKey <key>} (a secret)
 * @param apiUrl {@code api_url} ({@code global.opsgenie_api_url} unless set), ending in a
 * slash
 * @param message {@code message}, cut to 130 characters
 * @param description {@code description}
 * @param source {@code source}
 * @param details {@code details}: sent after the common labels, which they override
 * @param entity {@code entity}
 * @param responders {@code responders}, in file order
 * @param actions {@code actions}: comma-separated
 * @param tags {@code tags}: comma-separated
 * @param note {@code note}
 * @param priority {@code priority}
 * @param updateAlerts {@code update_alerts}: also update the message and description of
 * an alert Opsgenie already has
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record OpsgenieConfig(String apiKey, String apiUrl, Template message, Template description, Template source,
		Map<String, Template> details, Template entity, List<Responder> responders, Template actions, Template tags,
		Template note, Template priority, boolean updateAlerts, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** Opsgenie's API, Alertmanager's {@code global.opsgenie_api_url}. */
	public static final String DEFAULT_URL = "https://api.opsgenie.com/";

	/**
	 * Alertmanager 0.25's default of each templated field, by field name; a field whose
	 * template fails while rendering falls back to this (the empty text where none).
	 */
	public static final Map<String, String> DEFAULTS = Map.of("message",
			"{{ template \"opsgenie.default.message\" . }}", "description",
			"{{ template \"opsgenie.default.description\" . }}", "source",
			"{{ template \"opsgenie.default.source\" . }}");

	public OpsgenieConfig {
		details = Collections.unmodifiableMap(new TreeMap<>(details));
		responders = List.copyOf(responders);
	}

	@Override
	public String type() {
		return "opsgenie";
	}

	// The API key is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "OpsgenieConfig[apiKey=<secret>, apiUrl=" + this.apiUrl + ", updateAlerts=" + this.updateAlerts
				+ ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

	/**
	 * Responder is a {@code responders} entry; a {@code teams} responder's name is a
	 * comma-separated list of team names, one {@code team} responder each.
	 *
	 * @param id {@code id}
	 * @param name {@code name}
	 * @param username {@code username}
	 * @param type {@code type}: team, teams, user, escalation or schedule
	 */
	public record Responder(Template id, Template name, Template username, Template type) {
	}

}
