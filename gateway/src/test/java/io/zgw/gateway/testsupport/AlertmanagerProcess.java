package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * AlertmanagerProcess runs the real Alertmanager 0.25 binary from Debian's
 * {@code prometheus-alertmanager} package on a free port, clustering off, so tests can
 * compare zgw with the reference implementation on the same input.
 */
public final class AlertmanagerProcess implements AutoCloseable {

	/** Where Debian installs the binary. */
	public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

	private final Process process;

	private final int port;

	private final Path workDir;

	private AlertmanagerProcess(Process process, int port, Path workDir) {
		this.process = process;
		this.port = port;
		this.workDir = workDir;
	}

	/**
	 * Starts Alertmanager on the given configuration text and waits until it is ready.
	 */
	public static AlertmanagerProcess start(String configYaml) throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(BINARY + " is missing: run lab/zgw-lab test, which installs "
					+ "Debian's prometheus-alertmanager package");
		}
		Path dir = Files.createTempDirectory("zgw-am");
		Path config = dir.resolve("alertmanager.yml");
		Files.writeString(config, configYaml);
		int port = freePort();
		Process process = new ProcessBuilder(
				List.of(BINARY.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
						"--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn"))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		AlertmanagerProcess am = new AlertmanagerProcess(process, port, dir);
		am.awaitReady(Duration.ofSeconds(20));
		return am;
	}

	private void awaitReady(Duration timeout) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Alertmanager exited: " + Files.readString(log()));
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
			Thread.sleep(100);
		}
		throw new IllegalStateException("Alertmanager not ready within " + timeout + ": " + Files.readString(log()));
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path log() {
		return this.workDir.resolve("alertmanager.log");
	}

	/** Returns a TCP port that was free a moment ago. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
