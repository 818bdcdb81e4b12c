package io.zgw.alerts.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgw.alerts.template.Template;

/**
 * JiraConfig is a {@code jira_configs} entry (Alertmanager 0.28): one Jira issue per
 * alert group, found again by the label {@code ALERT{<group key hash>}}, created while
 * the group fires, updated at each notification, and moved by transitions when the group
 * resolves or fires again. Summary, description, labels and priority are templates,
 * Alertmanager's defaults where the file sets none.
 *
 * @param apiUrl {@code api_url} ({@code global.jira_api_url} unless set), e.g.
 * {@code https://example.atlassian.net/rest/api/2}; a path ending in {@code /3} speaks
 * API v3, whose description is Atlassian Document Format
 * @param apiType {@code api_type} (Alertmanager 0.29): {@code auto} (the default),
 * {@code cloud} or {@code datacenter}; Jira Cloud is searched with {@code search/jql}
 * @param project {@code project}: the project key
 * @param summary {@code summary}, cut to 255 characters
 * @param description {@code description}, cut to 32,767 characters
 * @param labels {@code labels}, each a template
 * @param priority {@code priority}: a priority name, none when it renders empty
 * @param issueType {@code issue_type}: an issue type name
 * @param reopenTransition {@code reopen_transition}: the transition that reopens a done
 * issue when its group fires again; without it a done issue is left and a new one made
 * @param resolveTransition {@code resolve_transition}: the transition that closes the
 * issue when its group resolves; without it the issue is only updated
 * @param wontFixResolution {@code wont_fix_resolution}: issues closed with this
 * resolution are never reused
 * @param reopenDuration {@code reopen_duration}: a resolved group only finds issues
 * resolved this recently (zero: any)
 * @param fields {@code fields}: further issue fields (custom fields), their strings and
 * nested keys templates, as later Alertmanagers'
 * @param sendResolved whether resolved groups update their issue (default true)
 * @param http what {@code http_config} asks for (Jira's basic or bearer authentication)
 */
public record JiraConfig(String apiUrl, String apiType, Template project, Template summary, Template description,
		List<Template> labels, Template priority, Template issueType, String reopenTransition, String resolveTransition,
		String wontFixResolution, Duration reopenDuration, Map<String, TemplatedValue> fields, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/** The values of {@code api_type}. */
	public static final Set<String> API_TYPES = Set.of("auto", "cloud", "datacenter");

	/** Alertmanager 0.28's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("summary", "{{ template \"jira.default.summary\" . }}",
			"description", "{{ template \"jira.default.description\" . }}", "priority",
			"{{ template \"jira.default.priority\" . }}");

	public JiraConfig {
		labels = List.copyOf(labels);
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	@Override
	public String type() {
		return "jira";
	}

	/**
	 * Whether the API is Jira Cloud's, searched with {@code search/jql} (Atlassian
	 * removed {@code search} there): {@code api_type: cloud}, or with {@code auto} an
	 * {@code *.atlassian.net} host or API v3, which only Cloud has.
	 */
	public boolean cloud() {
		if (!"auto".equals(this.apiType)) {
			return "cloud".equals(this.apiType);
		}
		String host = URI.create(this.apiUrl).getHost();
		return apiVersion3() || (host != null && host.endsWith(".atlassian.net"));
	}

	/**
	 * Whether the API URL is Jira's REST API v3 (its path ends in {@code /3}, a trailing
	 * slash aside), whose description is Atlassian Document Format.
	 */
	public boolean apiVersion3() {
		String path = URI.create(this.apiUrl).getPath();
		return path != null && path.replaceAll("/+$", "").endsWith("/3");
	}

	@Override
	public String toString() {
		return "JiraConfig[apiUrl=" + this.apiUrl + ", apiType=" + this.apiType + ", project=" + this.project
				+ ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

}
