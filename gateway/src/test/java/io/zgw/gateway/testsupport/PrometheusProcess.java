package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * PrometheusProcess runs the real Prometheus 2.42 binary from Debian's {@code prometheus}
 * package on a free port with its own storage: either evaluating a rule file and sending
 * alerts to the gateway as its Alertmanager, or scraping the gateway's metrics.
 */
public final class PrometheusProcess implements AutoCloseable {

	/** Where Debian installs the binary. */
	public static final Path BINARY = Path.of("/usr/bin/prometheus");

	/** The scrape job name of {@link #scraping}, the {@code job} label of its series. */
	public static final String SCRAPE_JOB = "zgw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
	public static PrometheusProcess alerting(String rulesYaml, String alertmanager, String key)
			throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("zgw-prometheus");
		Files.writeString(dir.resolve("rules.yml"), rulesYaml);
		return start(dir, """
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
	}

	/**
	 * Starts Prometheus scraping {@code 127.0.0.1:gatewayPort/actuator/prometheus} every
	 * second, and waits until it is ready.
	 */
	public static PrometheusProcess scraping(int gatewayPort) throws IOException, InterruptedException {
		return start(Files.createTempDirectory("zgw-prometheus"), """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(SCRAPE_JOB, gatewayPort));
	}

	private static PrometheusProcess start(Path dir, String config) throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(
					BINARY + " is missing: run lab/zgw-lab test, which installs Debian's prometheus package");
		}
		Files.writeString(dir.resolve("prometheus.yml"), config);
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
			ReadyProbe.await("Prometheus", process, URI.create(prometheus.url() + "/-/ready"), Duration.ofSeconds(30),
					prometheus::logText);
		}
		catch (RuntimeException ex) {
			prometheus.close();
			throw ex;
		}
		return prometheus;
	}

	/**
	 * Waits until the scraped gateway target is up and has been scraped at least
	 * {@code scrapes} times, so that rate() over a minute has two samples and more.
	 */
	public void awaitScrapes(int scrapes, Duration atMost) {
		String query = "count_over_time(up{job=\"" + SCRAPE_JOB + "\"}[1m]) >= " + scrapes;
		await("Prometheus scraping the gateway " + scrapes + " times (log: " + log() + ")").atMost(atMost)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Prometheus exited: " + logText());
				}
				JsonNode target = get("/api/v1/targets?state=active").path("data").path("activeTargets").path(0);
				return !query(query).path("data").path("result").isEmpty()
						&& "up".equals(target.path("health").asString());
			});
	}

	/**
	 * Runs an instant query and returns Prometheus' whole JSON answer, errors included.
	 */
	public JsonNode query(String promql) throws IOException, InterruptedException {
		return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
	}

	/** Returns the values of {@code label} on the series matching {@code selector}. */
	public JsonNode labelValues(String label, String selector) throws IOException, InterruptedException {
		return get("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
	}

	private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Returns Prometheus's log (warnings and errors), for assertion messages. */
	public String logText() {
		return ReadyProbe.read(log());
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
