package io.zgw.gateway.alerting;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the gateway as a separate JVM, fires alerts at it, kills it with SIGKILL
 * mid-stream, restarts it, and checks that every alert that got a 200 is there.
 */
class KillNineIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyAlertAcknowledgedBeforeKillNineSurvives() throws Exception {
		String run = UUID.randomUUID().toString();
		int port = freePort();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Process gateway = startGateway(port);
		try {
			AlertingTestSupport http = new AlertingTestSupport(port);
			awaitUp(http, gateway);
			AtomicBoolean firing = new AtomicBoolean(true);
			CountDownLatch enough = new CountDownLatch(1500);
			ExecutorService senders = Executors.newFixedThreadPool(8);
			for (int t = 0; t < 8; t++) {
				int thread = t;
				senders.submit(() -> {
					for (int i = 0; firing.get(); i++) {
						String host = "k9-" + thread + "-" + i;
						String body = "[{\"labels\":{\"alertname\":\"KillNine\",\"run\":\"%s\",\"host\":\"%s\"}}]"
							.formatted(run, host);
						try {
							if (http.post("/api/v2/alerts", body, Map.of()).statusCode() == 200) {
								acknowledged.add(LabelSet.of(Map.of("alertname", "KillNine", "run", run, "host", host))
									.fingerprintHex());
								enough.countDown();
							}
						}
						catch (RuntimeException ex) {
							// Connection reset by the kill: not acknowledged, may or may
							// not be
							// stored.
						}
					}
				});
			}
			// Kill mid-stream: after 1,500 acknowledgements (or 20 s), senders still
			// busy.
			enough.await(20, TimeUnit.SECONDS);
			gateway.destroyForcibly();
			assertThat(gateway.waitFor(10, TimeUnit.SECONDS)).isTrue();
			firing.set(false);
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			gateway.destroyForcibly();
		}
		assertThat(acknowledged).hasSizeGreaterThan(100);
		Process restarted = startGateway(port);
		try {
			AlertingTestSupport http = new AlertingTestSupport(port);
			awaitUp(http, restarted);
			HttpResponse<String> response = http
				.get("/api/v2/alerts?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			Set<String> stored = new HashSet<>();
			for (JsonNode alert : this.json.readTree(response.body())) {
				stored.add(alert.get("fingerprint").asString());
			}
			assertThat(stored).containsAll(acknowledged);
		}
		finally {
			restarted.destroyForcibly();
			restarted.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Process startGateway(int port) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(
				List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), GatewayApplication.class.getName(),
						"--server.port=" + port, "--spring.profiles.active=it,alerting-it"));
		File log = Files.createTempFile("zgw-kill9-", ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static void awaitUp(AlertingTestSupport http, Process process) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("gateway process exited during start-up").isTrue();
			try {
				if (http.get("/api/v2/status").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Not listening yet.
			}
			// Polling a child process's start-up: there is no clock to inject.
			Thread.sleep(200);
		}
		throw new AssertionError("gateway did not start within 90 s");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
