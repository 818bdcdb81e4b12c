package io.zgw.alerts.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.template.Template;

/**
 * PagerdutyConfig is a {@code pagerduty_configs} entry: an event for PagerDuty's Events
 * API v2, or for its Events API v1 when the entry has a {@code service_key} (which wins
 * over a {@code routing_key}, as in Alertmanager); its message fields are templates,
 * Alertmanager's defaults where the file sets none.
 *
 * @param routingKey {@code routing_key}: the Events API v2 integration key, sent as
 * written (a secret), or empty
 * @param serviceKey {@code service_key}: the Events API v1 service key, sent as written
 * (a secret), or empty
 * @param url {@code url}: the Events API v2 endpoint ({@code global.pagerduty_url} unless
 * set); Events API v1 has a fixed one, {@link #V1_URL}
 * @param client {@code client}
 * @param clientUrl {@code client_url}
 * @param description {@code description}: the event's summary, cut to 1024 characters
 * @param details {@code details}: the event's custom details by name, always with
 * Alertmanager's {@code firing}, {@code resolved}, {@code num_firing} and
 * {@code num_resolved} unless the file sets them
 * @param images {@code images}, in file order
 * @param links {@code links}, in file order
 * @param source {@code source}: the {@code client} template unless set
 * @param severity {@code severity}: {@code error} unless set
 * @param eventClass {@code class}
 * @param component {@code component}
 * @param group {@code group}
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record PagerdutyConfig(String routingKey, String serviceKey, String url, Template client, Template clientUrl,
		Template description, Map<String, Template> details, List<Image> images, List<Link> links, Template source,
		Template severity, Template eventClass, Template component, Template group, boolean sendResolved,
		HttpClientConfig http) implements Integration {

	/**
	 * PagerDuty's Events API v2 endpoint, Alertmanager's {@code global.pagerduty_url}.
	 */
	public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

	/** PagerDuty's Events API v1 endpoint, fixed in Alertmanager. */
	public static final String V1_URL = "https://events.pagerduty.com/generic/2010-04-15/create_event.json";

	/**
	 * Alertmanager 0.25's default of each templated field, by field name
	 * ({@code details.} and the name for a detail); a field whose template fails while
	 * rendering falls back to this.
	 */
	public static final Map<String, String> DEFAULTS = Map.of("description",
			"{{ template \"pagerduty.default.description\" .}}", "client",
			"{{ template \"pagerduty.default.client\" . }}", "client_url",
			"{{ template \"pagerduty.default.clientURL\" . }}", "severity", "error", "details.firing",
			"{{ template \"pagerduty.default.instances\" .Alerts.Firing }}", "details.resolved",
			"{{ template \"pagerduty.default.instances\" .Alerts.Resolved }}", "details.num_firing",
			"{{ .Alerts.Firing | len }}", "details.num_resolved", "{{ .Alerts.Resolved | len }}");

	public PagerdutyConfig {
		details = Collections.unmodifiableMap(new TreeMap<>(details));
		images = List.copyOf(images);
		links = List.copyOf(links);
	}

	@Override
	public String type() {
		return "pagerduty";
	}

	// The routing key is a secret in Alertmanager; never print it.
	@Override
	public String toString() {
		return "PagerdutyConfig[routingKey=<secret>, serviceKey=<secret>, url=" + this.url + ", sendResolved="
				+ this.sendResolved + ", http=" + this.http + "]";
	}

	/**
	 * Image is an {@code images} entry; one whose {@code src} renders empty is left out.
	 *
	 * @param src {@code src}
	 * @param alt {@code alt}
	 * @param href {@code href}
	 */
	public record Image(Template src, Template alt, Template href) {
	}

	/**
	 * Link is a {@code links} entry; one whose {@code href} renders empty is left out.
	 *
	 * @param href {@code href}
	 * @param text {@code text}
	 */
	public record Link(Template href, Template text) {
	}

}
