package io.zgw.alerts.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.template.Template;
import org.jspecify.annotations.Nullable;

/**
 * EmailConfig is an {@code email_configs} entry; header values and the bodies are
 * templates, Alertmanager's defaults where the file sets none.
 *
 * @param to recipients, comma separated, as written
 * @param from sender address as written ({@code global.smtp_from} unless set)
 * @param hello the host name sent in EHLO ({@code global.smtp_hello}, {@code localhost}
 * unless set)
 * @param smarthost SMTP host and port ({@code global.smtp_smarthost} unless set)
 * @param authUsername SMTP user, or null ({@code global.smtp_auth_username} unless set)
 * @param authPassword SMTP password, or null ({@code global.smtp_auth_password} unless
 * set): PLAIN and LOGIN
 * @param authIdentity {@code auth_identity}, or null ({@code global.smtp_auth_identity}
 * unless set): the identity PLAIN authorizes as, when not the user's own
 * @param authSecret {@code auth_secret}, or null ({@code global.smtp_auth_secret} unless
 * set): CRAM-MD5's shared secret
 * @param requireTls whether STARTTLS is required ({@code global.smtp_require_tls}, true
 * unless set)
 * @param headers headers by case-insensitive name, always with {@code Subject},
 * {@code To} and {@code From}
 * @param html {@code html}: the HTML body, none when it renders empty
 * @param text {@code text}: the plain-text body, none when it renders empty
 * @param sendResolved whether resolved alerts are sent (default false)
 * @param tls {@code tls_config} for STARTTLS and for implicit TLS on port 465, or null
 * for the JVM's defaults
 */
public record EmailConfig(String to, String from, String hello, String smarthost, @Nullable String authUsername,
		@Nullable String authPassword, @Nullable String authIdentity, @Nullable String authSecret, boolean requireTls,
		Map<String, Template> headers, Template html, Template text, boolean sendResolved,
		@Nullable TlsConfig tls) implements Integration {

	/**
	 * Alertmanager 0.25's default of each templated field, by field name; a field whose
	 * template fails while rendering falls back to this (a header without a default is
	 * left out).
	 */
	public static final Map<String, String> DEFAULTS = Map.of("headers.Subject",
			"{{ template \"email.default.subject\" . }}", "html", "{{ template \"email.default.html\" . }}", "text",
			"");

	public EmailConfig {
		TreeMap<String, Template> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		sorted.putAll(headers);
		headers = Collections.unmodifiableMap(sorted);
	}

	@Override
	public String type() {
		return "email";
	}

	@Override
	public String toString() {
		return "EmailConfig[to=" + this.to + ", from=" + this.from + ", smarthost=" + this.smarthost + ", authUsername="
				+ this.authUsername + ", authPassword=" + ((this.authPassword != null) ? "<secret>" : "none")
				+ ", authIdentity=" + this.authIdentity + ", authSecret="
				+ ((this.authSecret != null) ? "<secret>" : "none") + ", requireTls=" + this.requireTls
				+ ", sendResolved=" + this.sendResolved + "]";
	}

}
