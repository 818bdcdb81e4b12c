package io.zgw.gateway.notify.email;

import java.util.Map;

import io.zgw.gateway.notify.Secret;
import io.zgw.gateway.notify.http.TlsContext;
import org.jspecify.annotations.Nullable;

/**
 * EmailConfig is the delivery part of one entry of a receiver's {@code email_configs},
 * field for field with Alertmanager's.
 *
 * @param sendResolved {@code send_resolved}: also notify about resolved alerts
 * (Alertmanager's default for email is false)
 * @param to {@code to}: comma-separated recipient addresses
 * @param from {@code from}: sender address where the message names none
 * @param hello {@code hello}: host name sent in EHLO
 * @param smarthost {@code smarthost}: SMTP server as {@code host:port}
 * @param authUsername {@code auth_username}: SMTP AUTH user, {@code null} = no AUTH
 * @param authPassword {@code auth_password}: the password of PLAIN and LOGIN
 * @param authIdentity {@code auth_identity}: the identity PLAIN authorizes as, when not
 * the user's own
 * @param authSecret {@code auth_secret}: CRAM-MD5's shared secret
 * @param requireTls {@code require_tls}: insist on STARTTLS (Alertmanager's default is
 * true)
 * @param headers {@code headers}: extra headers; the rendered message's headers win
 * @param tls {@code tls_config} for STARTTLS and for implicit TLS (port 465), or null for
 * the JVM's defaults
 */
public record EmailConfig(boolean sendResolved, String to, String from, String hello, String smarthost,
		@Nullable String authUsername, @Nullable Secret authPassword, @Nullable String authIdentity,
		@Nullable Secret authSecret, boolean requireTls, Map<String, String> headers, @Nullable TlsContext tls) {

	public EmailConfig {
		if (to.isBlank()) {
			throw new IllegalArgumentException("email_configs.to must not be empty");
		}
		int colon = smarthost.lastIndexOf(':');
		if (colon <= 0 || !smarthost.substring(colon + 1).matches("\\d{1,5}")) {
			throw new IllegalArgumentException("email_configs.smarthost must be host:port, got '" + smarthost + "'");
		}
		if (authUsername != null && authPassword == null && authSecret == null) {
			throw new IllegalArgumentException(
					"email_configs.auth_password or auth_secret is required with auth_username");
		}
		headers = Map.copyOf(headers);
	}

	/** The smarthost's host part. */
	String host() {
		return smarthost.substring(0, smarthost.lastIndexOf(':'));
	}

	/** The smarthost's port part. */
	int port() {
		return Integer.parseInt(smarthost.substring(smarthost.lastIndexOf(':') + 1));
	}

}
