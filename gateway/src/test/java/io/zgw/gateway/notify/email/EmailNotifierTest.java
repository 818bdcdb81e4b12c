package io.zgw.gateway.notify.email;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import io.zgw.gateway.notify.Secret;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EmailNotifierTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@zgw.test", "am", "mail-pw"))
		.withPerMethodLifecycle(true);

	private static final Integration EMAIL_0 = new Integration(IntegrationKind.EMAIL, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static EmailConfig config(String password, boolean requireTls) {
		return new EmailConfig(true, "oncall@zgw.test, lead@zgw.test", "alerts@zgw.test", "gw.zgw.test",
				"127.0.0.1:" + smtp.getSmtp().getPort(), "am", new Secret(password), null, null, requireTls,
				Map.of("X-Team", "payments", "Reply-To", "noc@zgw.test"), null);
	}

	private static DeliveryResult send(EmailConfig config, EmailMessage message) {
		return new EmailNotifier(EMAIL_0, config, JSON, Duration.ofSeconds(5))
			.send(new Delivery("mail", EMAIL_0, "g", JSON.writeValueAsString(message)));
	}

	@Test
	void mailArrivesWithSubjectBodyAndHeaders() throws Exception {
		EmailMessage message = new EmailMessage(null, null, "[FIRING:2] DiskFull (pay)", null,
				"disk / is 97% full on db-1\n",
				Map.of("X-Team", "databases", "X-Group-Key", "{}:{alertname=\"DiskFull\"}"));
		assertThat(send(config("mail-pw", false), message)).isEqualTo(DeliveryResult.delivered());

		MimeMessage[] received = smtp.getReceivedMessages();
		// one copy per recipient
		assertThat(received).hasSize(2);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo("[FIRING:2] DiskFull (pay)");
		// As Alertmanager: multipart/alternative, though with the text part only.
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(1);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		// The line ends in CRLF on the wire.
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("disk / is 97% full on db-1\r\n");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@zgw.test");
		assertThat(mail.getHeader("To", ",")).contains("oncall@zgw.test").contains("lead@zgw.test");
		// the rendered message's header wins over the config's
		assertThat(mail.getHeader("X-Team")).containsExactly("databases");
		assertThat(mail.getHeader("Reply-To")).containsExactly("noc@zgw.test");
		assertThat(mail.getHeader("X-Group-Key")).containsExactly("{}:{alertname=\"DiskFull\"}");
	}

	@Test
	void htmlBodyIsSentAloneOrAfterTheTextAsAlternatives() throws Exception {
		assertThat(send(config("mail-pw", false),
				new EmailMessage("dba@zgw.test", null, "s", "<p>db-1</p>", "", Map.of())))
			.isEqualTo(DeliveryResult.delivered());
		assertThat(send(config("mail-pw", false),
				new EmailMessage("dba@zgw.test", null, "s", "<p>db-2</p>", "db-2", Map.of())))
			.isEqualTo(DeliveryResult.delivered());
		// As Alertmanager: multipart/alternative, though with the HTML part only.
		MimeMessage html = smtp.getReceivedMessages()[0];
		assertThat(html.getContentType()).startsWith("multipart/alternative");
		MimeMultipart htmlOnly = (MimeMultipart) html.getContent();
		assertThat(htmlOnly.getCount()).isEqualTo(1);
		assertThat(htmlOnly.getBodyPart(0).getContentType()).startsWith("text/html");
		assertThat(htmlOnly.getBodyPart(0).getContent()).isEqualTo("<p>db-1</p>");
		MimeMessage both = smtp.getReceivedMessages()[1];
		assertThat(both.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) both.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("db-2");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>db-2</p>");
	}

	@Test
	void messageWithoutBodiesHasAnEmptyTextPart() throws Exception {
		assertThat(send(config("mail-pw", false), new EmailMessage("dba@zgw.test", null, "s", null, "", Map.of())))
			.isEqualTo(DeliveryResult.delivered());
		MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
		assertThat(parts.getCount()).isEqualTo(1);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("");
	}

	@Test
	void wrongPasswordIsRetryableAndNotEchoed() {
		DeliveryResult result = send(config("wrong-pw", false), new EmailMessage(null, null, "s", null, "t", Map.of()));
		assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(result.error()).contains("uthentication").doesNotContain("wrong-pw");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void requireTlsRefusesToSendOverAServerWithoutStartTls() {
		DeliveryResult result = send(config("mail-pw", true), new EmailMessage(null, null, "s", null, "t", Map.of()));
		assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(result.error()).contains("STARTTLS");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void smarthostDownIsRetryable() {
		EmailConfig config = new EmailConfig(true, "oncall@zgw.test", "alerts@zgw.test", "localhost", "127.0.0.1:1",
				null, null, null, null, false, Map.of(), null);
		assertThat(send(config, new EmailMessage(null, null, "s", null, "t", Map.of())).outcome())
			.isEqualTo(Outcome.RETRYABLE_FAILURE);
	}

	@Test
	void recipientsAndSenderOfTheRenderedMessageWinOverTheConfig() throws Exception {
		EmailMessage message = new EmailMessage("dba@zgw.test", "pay-alerts@zgw.test", "s", null, "t", Map.of());
		assertThat(send(config("mail-pw", false), message)).isEqualTo(DeliveryResult.delivered());
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(mail.getHeader("To", ",")).isEqualTo("dba@zgw.test");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("pay-alerts@zgw.test");
	}

	@Test
	void displayNamesThatAreNotAsciiAreEncodedWords() throws Exception {
		EmailMessage message = new EmailMessage("\"Zörg Ünïcode\" <dba@zgw.test>", "Bereitschaft Zürich <pay@zgw.test>",
				"s", null, "t", Map.of());
		assertThat(send(config("mail-pw", false), message)).isEqualTo(DeliveryResult.delivered());
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getHeader("To", ",")).startsWith("=?UTF-8?").endsWith("<dba@zgw.test>");
		assertThat(mail.getHeader("From", ",")).startsWith("=?UTF-8?").endsWith("<pay@zgw.test>");
		assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Bereitschaft Zürich");
		assertThat(send(config("mail-pw", false),
				new EmailMessage(null, "a@zgw.test, b@zgw.test", "s", null, "t", Map.of()))
			.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
	}

	@Test
	void payloadThatIsNotAnEmailMessageIsAPermanentFailure() {
		DeliveryResult result = new EmailNotifier(EMAIL_0, config("mail-pw", false), JSON, Duration.ofSeconds(5))
			.send(new Delivery("mail", EMAIL_0, "g", "not json"));
		assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

}
