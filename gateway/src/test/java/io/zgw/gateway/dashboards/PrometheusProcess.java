package io.zgw.gateway.dashboards;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * PrometheusProcess runs the real Prometheus server (Debian's
 * {@code /usr/bin/prometheus}) as a child process that scrapes one gateway's
 * {@code /actuator/prometheus} every second.
 */
final class PrometheusProcess implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/prometheus");

	/** The scrape job name, the {@code job} label of every series. */
	static final String JOB = "zgw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path dir;

	private final Process process;

	private final String base;

	private PrometheusProcess(Path dir, Process process, int port) {
		this.dir = dir;
		this.process = process;
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * Starts Prometheus on a free loopback port, scraping {@code 127.0.0.1:gatewayPort}.
	 */
	static PrometheusProcess start(int gatewayPort) throws IOException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(BINARY + " is missing: the dashboard queries are checked against a real"
					+ " Prometheus; install the Debian package `prometheus` (2.42 here).");
		}
		Path dir = Files.createTempDirectory("zgw-prometheus-");
		Path config = dir.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(JOB, gatewayPort));
		int port = freePort();
		Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		return new PrometheusProcess(dir, process, port);
	}

	/**
	 * Waits until the gateway target is up and has been scraped at least {@code scrapes}
	 * times, so that rate() over a minute has two samples and more.
	 */
	void awaitScrapes(int scrapes, Duration atMost) {
		String query = "count_over_time(up{job=\"" + JOB + "\"}[1m]) >= " + scrapes;
		await("Prometheus scraping the gateway " + scrapes + " times (log: " + this.dir.resolve("prometheus.log") + ")")
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Prometheus exited: " + log());
				}
				JsonNode answer = query(query);
				return !answer.path("data").path("result").isEmpty() && "up".equals(target().path("health").asString());
			});
	}

	/**
	 * Runs an instant query and returns Prometheus' whole JSON answer, errors included.
	 */
	JsonNode query(String promql) throws IOException, InterruptedException {
		return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
	}

	/** Returns the values of {@code label} on the series matching {@code selector}. */
	JsonNode labelValues(String label, String selector) throws IOException, InterruptedException {
		return get("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
	}

	private JsonNode target() throws IOException, InterruptedException {
		return get("/api/v1/targets?state=active").path("data").path("activeTargets").path(0);
	}

	private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private String log() throws IOException {
		return Files.readString(this.dir.resolve("prometheus.log"));
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
