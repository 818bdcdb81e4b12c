package io.zgw.gateway.notify.email;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Notifier;
import io.zgw.gateway.notify.http.TlsContext;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * EmailNotifier sends a rendered {@link EmailMessage} through the config's smarthost,
 * with SMTP AUTH, STARTTLS or implicit TLS (port 465) and {@code tls_config} as
 * configured: plain text, HTML or both, always as {@code multipart/alternative}, as
 * Alertmanager.
 */
public final class EmailNotifier implements Notifier {

	private final Integration integration;

	private final EmailConfig config;

	private final JsonMapper json;

	private final JavaMailSenderImpl sender;

	/** Creates the notifier; {@code timeout} bounds connecting, reading and writing. */
	public EmailNotifier(Integration integration, EmailConfig config, JsonMapper json, Duration timeout) {
		this.integration = integration;
		this.config = config;
		this.json = json;
		this.sender = newSender(config, timeout);
	}

	private static JavaMailSenderImpl newSender(EmailConfig config, Duration timeout) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(config.host());
		sender.setPort(config.port());
		sender.setDefaultEncoding("UTF-8");
		Properties props = new Properties();
		String millis = Long.toString(timeout.toMillis());
		props.setProperty("mail.smtp.connectiontimeout", millis);
		props.setProperty("mail.smtp.timeout", millis);
		props.setProperty("mail.smtp.writetimeout", millis);
		// As Alertmanager: port 465 speaks TLS from the first byte (SMTPS); elsewhere
		// require_tls asks for STARTTLS.
		boolean implicitTls = config.port() == 465;
		props.setProperty("mail.smtp.ssl.enable", Boolean.toString(implicitTls));
		props.setProperty("mail.smtp.starttls.enable", Boolean.toString(!implicitTls && config.requireTls()));
		props.setProperty("mail.smtp.starttls.required", Boolean.toString(!implicitTls && config.requireTls()));
		TlsContext tls = config.tls();
		if (tls != null) {
			props.put("mail.smtp.ssl.socketFactory", tls.sslContext().getSocketFactory());
			// Jakarta Mail would otherwise try again with the JVM's factory after a
			// failed handshake, hiding why the first failed.
			props.setProperty("mail.smtp.socketFactory.fallback", "false");
		}
		props.setProperty("mail.smtp.ssl.checkserveridentity",
				Boolean.toString(tls == null || tls.verifiesConnectedHost()));
		props.setProperty("mail.smtp.localhost", config.hello());
		authenticate(sender, props, config);
		sender.setJavaMailProperties(props);
		return sender;
	}

	// As Alertmanager: a user means SMTP AUTH when the server offers AUTH, with the
	// password (PLAIN, authorizing as auth_identity when set, or LOGIN) or with the
	// secret (CRAM-MD5). Alertmanager takes the first of them the server lists that it
	// has credentials for; given both a password and a secret, zgw uses the password.
	private static void authenticate(JavaMailSenderImpl sender, Properties props, EmailConfig config) {
		String user = config.authUsername();
		if (user == null || user.isEmpty()) {
			return;
		}
		props.setProperty("mail.smtp.auth", "true");
		sender.setUsername(user);
		if (config.authPassword() != null) {
			props.setProperty("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
			// Empty, not the user as Angus Mail would send: Alertmanager's default.
			String identity = config.authIdentity();
			props.setProperty("mail.smtp.sasl.authorizationid", (identity != null) ? identity : "");
			sender.setPassword(config.authPassword().value());
		}
		else if (config.authSecret() != null) {
			// Through the JDK's SASL client: Angus Mail has no CRAM-MD5 of its own.
			props.setProperty("mail.smtp.sasl.enable", "true");
			props.setProperty("mail.smtp.sasl.mechanisms", "CRAM-MD5");
			props.setProperty("mail.smtp.auth.mechanisms", "CRAM-MD5");
			sender.setPassword(config.authSecret().value());
		}
	}

	@Override
	public Integration integration() {
		return integration;
	}

	@Override
	public boolean sendResolved() {
		return config.sendResolved();
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		EmailMessage message;
		try {
			message = json.readValue(delivery.payload(), EmailMessage.class);
		}
		catch (JacksonException ex) {
			return DeliveryResult.permanent("email payload is not an EmailMessage JSON object");
		}
		MimeMessage mime;
		try {
			mime = toMime(message);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			return DeliveryResult.permanent("cannot build email: " + ex.getMessage());
		}
		try {
			sender.send(mime);
			return DeliveryResult.delivered();
		}
		catch (MailException ex) {
			String error = "smtp: " + ex.getMessage();
			return refused(ex) ? DeliveryResult.permanent(error) : DeliveryResult.retryable(error);
		}
	}

	private MimeMessage toMime(EmailMessage message) throws MessagingException, UnsupportedEncodingException {
		String from = (message.from() != null) ? message.from() : config.from();
		String to = (message.to() != null) ? message.to() : config.to();
		MimeMessage mime = sender.createMimeMessage();
		InternetAddress[] fromAddresses = addresses(from);
		if (fromAddresses.length != 1) {
			throw new AddressException("not one address", from);
		}
		mime.setFrom(fromAddresses[0]);
		mime.setRecipients(MimeMessage.RecipientType.TO, addresses(to));
		mime.setSubject(message.subject(), "UTF-8");
		setBody(mime, message);
		for (Map<String, String> headers : List.of(config.headers(), message.headers())) {
			for (Map.Entry<String, String> header : headers.entrySet()) {
				if ("Subject".equalsIgnoreCase(header.getKey())) {
					mime.setSubject(header.getValue(), "UTF-8");
				}
				else {
					mime.setHeader(header.getKey(), MimeUtility.encodeText(header.getValue(), "UTF-8", null));
				}
			}
		}
		return mime;
	}

	// The addresses in the list, their display names encoded as RFC 2047 words where they
	// are not ASCII, as Alertmanager's (Go's mail.Address.String); parsed, they would be
	// written back raw.
	private static InternetAddress[] addresses(String list) throws MessagingException, UnsupportedEncodingException {
		InternetAddress[] parsed = InternetAddress.parse(list);
		for (InternetAddress address : parsed) {
			if (address.getPersonal() != null) {
				address.setPersonal(address.getPersonal(), "UTF-8");
			}
		}
		return parsed;
	}

	// As Alertmanager: always multipart/alternative, even with one part; the HTML, the
	// preferred alternative, last (RFC 2046 5.1.4). A message with no body at all gets
	// an empty text part, as a multipart must hold one.
	private static void setBody(MimeMessage mime, EmailMessage message) throws MessagingException {
		MimeMultipart alternatives = new MimeMultipart("alternative");
		if (!message.body().isEmpty() || message.html() == null) {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(message.body(), "UTF-8");
			alternatives.addBodyPart(text);
		}
		if (message.html() != null) {
			MimeBodyPart html = new MimeBodyPart();
			html.setText(message.html(), "UTF-8", "html");
			alternatives.addBodyPart(html);
		}
		mime.setContent(alternatives);
	}

	/**
	 * True when the server refused the message: its recipients, or the message itself
	 * with a permanent reply (5xx) to its end of data, a content filter's 554: sending it
	 * again cannot help. A temporary reply (4xx, greylisting) is retried.
	 */
	private static boolean refused(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof MailSendException send) {
				for (Exception failed : send.getFailedMessages().values()) {
					if (refused(failed)) {
						return true;
					}
				}
			}
			if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (t instanceof SMTPSendFailedException failed && failed.getReturnCode() / 100 == 5) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
