package io.zgw.gateway.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.DeliveryResult.Outcome;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.IntegrationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests how an SMTP server's refusals count, against a real SMTP dialogue on a socket
 * whose replies the test chooses (GreenMail accepts everything): a permanent reply to the
 * end of data fails the notification for good, a temporary one is retried.
 */
class SmtpRefusalTest {

	private static final Integration EMAIL_0 = new Integration(IntegrationKind.EMAIL, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ServerSocket server;

	@AfterEach
	void close() throws IOException {
		this.server.close();
	}

	@Test
	void aMessageRefusedAtTheEndOfDataFailsForGood() throws Exception {
		DeliveryResult result = sendAnswering("554 5.7.1 Message content rejected");
		assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
		assertThat(result.error()).contains("554");
	}

	@Test
	void aTemporaryRefusalIsRetried() throws Exception {
		DeliveryResult result = sendAnswering("451 4.7.1 Greylisted, try again later");
		assertThat(result.outcome()).isEqualTo(Outcome.RETRYABLE_FAILURE);
		assertThat(result.error()).contains("451");
	}

	private DeliveryResult sendAnswering(String endOfData) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		Thread dialogue = new Thread(() -> serveOne(endOfData), "scripted-smtp");
		dialogue.setDaemon(true);
		dialogue.start();
		EmailConfig config = new EmailConfig(true, "oncall@zgw.test", "alerts@zgw.test", "gw.zgw.test",
				"127.0.0.1:" + this.server.getLocalPort(), null, null, null, null, false, Map.of(), null);
		EmailMessage message = new EmailMessage(null, null, "[FIRING:1] DiskFull", null, "disk full\n", Map.of());
		return new EmailNotifier(EMAIL_0, config, JSON, Duration.ofSeconds(5))
			.send(new Delivery("mail", EMAIL_0, "g", JSON.writeValueAsString(message)));
	}

	// Accepts one connection and speaks SMTP until QUIT, answering the end of data with
	// the given reply.
	private void serveOne(String endOfData) {
		try (Socket socket = this.server.accept();
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
			OutputStream out = socket.getOutputStream();
			reply(out, "220 scripted ESMTP");
			boolean data = false;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (data) {
					if (".".equals(line)) {
						data = false;
						reply(out, endOfData);
					}
					continue;
				}
				String command = line.toUpperCase();
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 scripted");
				}
				else if (command.startsWith("DATA")) {
					data = true;
					reply(out, "354 go ahead");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// The test closed the server.
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
