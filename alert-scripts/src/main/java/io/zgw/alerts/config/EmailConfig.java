package io.zgw.alerts.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * EmailConfig is an {@code email_configs} entry.
 *
 * @param to recipients, comma separated
 * @param from sender address, or null
 * @param smarthost SMTP host and port, or null
 * @param authUsername SMTP user, or null
 * @param authPassword SMTP password, or null
 * @param requireTls whether STARTTLS is required (default true)
 * @param headers extra headers; {@code Subject} overrides the default subject
 * @param text body template, or null for the default body
 * @param sendResolved whether resolved alerts are sent (default false)
 */
public record EmailConfig(String to, @Nullable String from, @Nullable String smarthost, @Nullable String authUsername,
		@Nullable String authPassword, boolean requireTls, Map<String, String> headers, @Nullable String text,
		boolean sendResolved) implements Integration {

	public EmailConfig {
		TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
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
				+ ", requireTls=" + this.requireTls + ", sendResolved=" + this.sendResolved + "]";
	}

}
