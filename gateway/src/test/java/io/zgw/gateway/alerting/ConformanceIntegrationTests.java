package io.zgw.gateway.alerting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.zgw.gateway.testsupport.AlertmanagerProcess;
import io.zgw.gateway.testsupport.ConformanceScenario;
import io.zgw.gateway.testsupport.RecordingReceiver;
import io.zgw.gateway.testsupport.ScenarioRunner;
import io.zgw.gateway.testsupport.TestCertificates;
import io.zgw.gateway.testsupport.TunnelProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance: every scenario of {@code src/test/resources/conformance/} is played
 * against the real Alertmanager 0.25 and against zgw at the same time, each with its own
 * recording receiver, and both must send the same notifications (webhook messages, and
 * Slack messages field for field as their templates rendered them). zgw gets the
 * scenario's routing file through {@code POST /-/reload} on a cleared store; both have
 * the same external URL, which Slack's default title link shows. Where Alertmanager fixes
 * the API's URL (Pushover, PagerDuty's Events API v1), each side reaches its receiver
 * through a {@link TunnelProxy} of its own given as {@code proxy_url}, over TLS that the
 * proxy ends, and both must have asked for the same hosts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zgw.notify.enabled=true", "zgw.alerting.dispatch.reload-poll=0s",
				"zgw.alerting.dispatch.lease-ttl=4s", "zgw.alerting.dispatch.lease-renew=1s",
				"zgw.notify.external-url=" + ConformanceIntegrationTests.EXTERNAL_URL })
@ActiveProfiles({ "it", "alerting-it" })
@DirtiesContext
class ConformanceIntegrationTests {

	static final String EXTERNAL_URL = "http://alerts.example:9093";

	// What SNS answers to Publish.
	private static final String SNS_PUBLISHED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
			+ "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
			+ "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
			+ "</PublishResponse>";

	// What WeChat answers to gettoken and to message/send alike.
	private static final String WECHAT_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"wechat-token\"}";

	// What the Bot API answers to sendMessage: the message sent.
	private static final String TELEGRAM_SENT = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,"
			+ "\"chat\":{\"id\":42,\"type\":\"group\"},\"text\":\"sent\"}}";

	static final Path ROUTING = PipelineTestSupport
		.routingFile("route: {receiver: default}\n" + "receivers: [{name: default}]\n");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PipelineTestSupport.ownDatabaseAndRouting(registry, "conformance", ROUTING);
	}

	@TempDir
	static Path certificateDir;

	private static TestCertificates certificates;

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@BeforeAll
	static void makeCertificates() {
		certificates = TestCertificates.create(certificateDir);
	}

	static Stream<String> scenarios() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/conformance"))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void zgwNotifiesExactlyAsAlertmanager(String name) throws Exception {
		ConformanceScenario scenario = ConformanceScenario.load(name);
		try (RecordingReceiver amReceiver = new RecordingReceiver();
				RecordingReceiver zgwReceiver = new RecordingReceiver();
				TunnelProxy amProxy = new TunnelProxy(URI.create(amReceiver.url("")).getPort(),
						certificates.serverContext());
				TunnelProxy zgwProxy = new TunnelProxy(URI.create(zgwReceiver.url("")).getPort(),
						certificates.serverContext());
				AlertmanagerProcess alertmanager = AlertmanagerProcess.start(
						scenario.configFor(amReceiver, amProxy, certificates.ca()),
						"--web.external-url=" + EXTERNAL_URL)) {
			// Alertmanager takes only "ok" as a Slack webhook's answer, only the sent
			// message as the Telegram Bot API's, a token and errcode 0 as WeChat's and a
			// PublishResponse as SNS's; webhooks ignore it.
			for (RecordingReceiver receiver : List.of(amReceiver, zgwReceiver)) {
				if (name.startsWith("telegram")) {
					receiver.answerWith(200, "application/json", TELEGRAM_SENT);
				}
				else if (name.startsWith("wechat")) {
					receiver.answerWith(200, "application/json", WECHAT_OK);
				}
				else if (name.startsWith("sns")) {
					receiver.answerWith(200, "text/xml", SNS_PUBLISHED);
				}
				else {
					receiver.answerWith(200, "text/plain", "ok");
				}
			}
			useScenario(scenario.configFor(zgwReceiver, zgwProxy, certificates.ca()));
			CompletableFuture<List<ScenarioRunner.Notification>> reference = CompletableFuture
				.supplyAsync(() -> play(new ScenarioRunner(alertmanager.url(), null), scenario, amReceiver,
						(config) -> Files.writeString(alertmanager.configFile(),
								ConformanceScenario.resolve(config, amReceiver, amProxy, certificates.ca()))));
			List<ScenarioRunner.Notification> zgw = play(
					new ScenarioRunner("http://127.0.0.1:" + this.port, AlertingTestSupport.ADMIN_KEY), scenario,
					zgwReceiver, (config) -> Files.writeString(ROUTING,
							ConformanceScenario.resolve(config, zgwReceiver, zgwProxy, certificates.ca())));
			List<ScenarioRunner.Notification> expected = reference.get();
			assertThat(expected).as("Alertmanager sent something").isNotEmpty();
			assertThat(zgw).isEqualTo(expected);
			assertThat(new TreeSet<>(zgwProxy.tunnels())).as("hosts asked for through the proxy")
				.isEqualTo(new TreeSet<>(amProxy.tunnels()));
			assertThat(amProxy.tunnels().isEmpty()).isEqualTo(!scenario.tunnelled());
		}
	}

	// A store of its own per scenario: clear it, then load the scenario's file.
	private void useScenario(String config) throws IOException {
		for (String table : List.of("alert_history", "alert", "silence", "notification_log", "outbox")) {
			this.dsl.execute("DELETE FROM " + table);
		}
		Files.writeString(ROUTING, config);
		assertThat(new AlertingTestSupport(this.port).post("/-/reload", "", Map.of()).statusCode()).isEqualTo(200);
	}

	private static List<ScenarioRunner.Notification> play(ScenarioRunner runner, ConformanceScenario scenario,
			RecordingReceiver receiver, ScenarioRunner.ConfigWriter configWriter) {
		try {
			return runner.run(scenario, receiver, configWriter);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
