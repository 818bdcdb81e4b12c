package io.zgw.alerts.config;

import java.time.Duration;
import java.util.Map;

import io.zgw.alerts.template.Template;

/**
 * PushoverConfig is a {@code pushover_configs} entry: a message Pushover sends to a user
 * or group's devices; its message fields are templates, Alertmanager's defaults where the
 * file sets none.
 *
 * @param userKey {@code user_key} or the content of {@code user_key_file}, sent as
 * written (a secret)
 * @param token {@code token} or the content of {@code token_file}: the application's API
 * token, sent as written (a secret)
 * @param title {@code title}, cut to 250 characters
 * @param message {@code message}, cut to 1024 characters; rendered with HTML escaping
 * when {@code html} is set
 * @param url {@code url}: the supplementary URL, cut to 512 characters
 * @param urlTitle {@code url_title}
 * @param sound {@code sound}
 * @param priority {@code priority}: 2 (emergency) while firing and 0 once resolved unless
 * set
 * @param retry {@code retry}: how often Pushover repeats an emergency message (1m by
 * default), sent in whole seconds
 * @param expire {@code expire}: how long it goes on repeating it (1h by default)
 * @param html {@code html}: the message is HTML
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param http what {@code http_config} asks for
 */
public record PushoverConfig(String userKey, String token, Template title, Template message, Template url,
		Template urlTitle, Template sound, Template priority, Duration retry, Duration expire, boolean html,
		boolean sendResolved, HttpClientConfig http) implements Integration {

	/** Pushover's message API, fixed in Alertmanager. */
	public static final String API_URL = "https://api.pushover.net/1/messages.json";

	/** Alertmanager 0.25's default of each templated field, by field name. */
	public static final Map<String, String> DEFAULTS = Map.of("title", "{{ template \"pushover.default.title\" . }}",
			"message", "{{ template \"pushover.default.message\" . }}", "url",
			"{{ template \"pushover.default.url\" . }}", "priority",
			"{{ if eq .Status \"firing\" }}2{{ else }}0{{ end }}");

	@Override
	public String type() {
		return "pushover";
	}

	// The user key and token are secrets in Alertmanager; never print them.
	@Override
	public String toString() {
		return "PushoverConfig[userKey=<secret>, token=<secret>, retry=" + this.retry + ", expire=" + this.expire
				+ ", html=" + this.html + ", sendResolved=" + this.sendResolved + ", http=" + this.http + "]";
	}

}
