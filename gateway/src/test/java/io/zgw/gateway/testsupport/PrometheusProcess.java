package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PrometheusProcess runs the real Prometheus 2.42 binary from Debian's {@code prometheus}
 * package on a free port with its own storage, evaluating a rule file every second and
 * sending its alerts to one Alertmanager API v2 target (the gateway under test).
 */
public final class PrometheusProcess implements AutoCloseable {

	/** Where Debian installs the binary. */
	public static final Path BINARY = Path.of("/usr/bin/prometheus");

	private final Process process;

	private final int port;

	private final Path workDir;

	private PrometheusProcess(Process process, int port, Path workDir) {
		this.process = process;
		this.port = port;
		this.workDir = workDir;
	}

	/**
	 * Starts Prometheus with the given alerting rules (a rule file's text), sending
	 * alerts to {@code alertmanager} ({@code host:port}) with
	 * {@code Authorization: Bearer key}, and waits until it is ready.
	 */
	public static PrometheusProcess start(String rulesYaml, String alertmanager, String key)
			throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(
					BINARY + " is missing: run lab/zgw-lab test, which installs Debian's prometheus package");
		}
		Path dir = Files.createTempDirectory("zgw-prometheus");
		Files.writeString(dir.resolve("rules.yml"), rulesYaml);
		Files.writeString(dir.resolve("prometheus.yml"), """
				global:
				  scrape_interval: 1m
				  evaluation_interval: 1s
				rule_files: ['%s']
				alerting:
				  alertmanagers:
				    - api_version: v2
				      timeout: 5s
				      authorization:
				        credentials: '%s'
				      static_configs:
				        - targets: ['%s']
				""".formatted(dir.resolve("rules.yml"), key, alertmanager));
		int port = AlertmanagerProcess.freePort();
		Process process = new ProcessBuilder(List.of(BINARY.toString(),
				"--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
				"--web.listen-address=127.0.0.1:" + port, "--web.external-url=http://127.0.0.1:" + port + "/",
				"--rules.alert.resend-delay=1s", "--log.level=warn"))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		PrometheusProcess prometheus = new PrometheusProcess(process, port, dir);
		try {
			prometheus.awaitReady(Duration.ofSeconds(30));
		}
		catch (IOException | RuntimeException ex) {
			prometheus.close();
			throw ex;
		}
		return prometheus;
	}

	private void awaitReady(Duration timeout) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Prometheus exited: " + Files.readString(log()));
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// retried until the deadline
			}
			// Polling a child process's start-up: there is no clock to inject.
			Thread.sleep(100);
		}
		throw new IllegalStateException("Prometheus not ready within " + timeout + ": " + Files.readString(log()));
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Returns Prometheus's log (warnings and errors), for assertion messages. */
	public String logText() {
		try {
			return Files.readString(log());
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private Path log() {
		return this.workDir.resolve("prometheus.log");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
