package io.zgw.alerts.config;

import java.util.Map;

import io.zgw.alerts.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * MsTeamsConfig is a Microsoft Teams entry, posted to its webhook URL: an
 * {@code msteams_configs} entry (Alertmanager 0.26: a MessageCard for an Office 365
 * connector) or an {@code msteamsv2_configs} entry (Alertmanager 0.28: an Adaptive Card
 * for a Power Automate workflow, which replaced the connectors). Its text fields are
 * templates, Alertmanager's defaults where the file sets none.
 *
 * @param workflow whether this is an {@code msteamsv2_configs} entry
 * @param webhookUrl {@code webhook_url} or the content of {@code webhook_url_file} (a
 * secret: the URL carries the webhook's signature)
 * @param title {@code title}
 * @param summary {@code summary} (MessageCard only), or {@code null}
 * @param text {@code text}
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record MsTeamsConfig(boolean workflow, String webhookUrl, Template title, @Nullable Template summary,
		Template text, boolean sendResolved, HttpClientConfig http) implements Integration {

	/** Alertmanager's default of each templated field of {@code msteams_configs}. */
	public static final Map<String, String> DEFAULTS = Map.of("title", "{{ template \"msteams.default.title\" . }}",
			"summary", "{{ template \"msteams.default.summary\" . }}", "text",
			"{{ template \"msteams.default.text\" . }}");

	/** Alertmanager's default of each templated field of {@code msteamsv2_configs}. */
	public static final Map<String, String> V2_DEFAULTS = Map.of("title",
			"{{ template \"msteamsv2.default.title\" . }}", "text", "{{ template \"msteamsv2.default.text\" . }}");

	@Override
	public String type() {
		return this.workflow ? "msteamsv2" : "msteams";
	}

	/** Returns the defaults of this entry's kind. */
	public Map<String, String> defaults() {
		return defaults(this.workflow);
	}

	/**
	 * Returns the defaults of {@code msteamsv2_configs} or of {@code msteams_configs}.
	 */
	static Map<String, String> defaults(boolean workflow) {
		return workflow ? V2_DEFAULTS : DEFAULTS;
	}

	@Override
	public String toString() {
		return "MsTeamsConfig[type=" + type() + ", webhookUrl=<secret>, sendResolved=" + this.sendResolved + ", http="
				+ this.http + "]";
	}

}
