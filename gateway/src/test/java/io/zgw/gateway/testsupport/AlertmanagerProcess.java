package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * AlertmanagerProcess runs the real Alertmanager 0.25 binary from Debian's
 * {@code prometheus-alertmanager} package on a free port, clustering off, so tests can
 * compare zgw with the reference implementation on the same input.
 */
public final class AlertmanagerProcess implements AutoCloseable {

	/** Where Debian installs the binary. */
	public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

	private static final String CONFIG_FILE = "alertmanager.yml";

	private final Process process;

	private final int port;

	private final Path workDir;

	private AlertmanagerProcess(Process process, int port, Path workDir) {
		this.process = process;
		this.port = port;
		this.workDir = workDir;
	}

	/**
	 * Starts Alertmanager on the given configuration text, with extra command-line flags,
	 * and waits until it is ready.
	 */
	public static AlertmanagerProcess start(String configYaml, String... flags)
			throws IOException, InterruptedException {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(BINARY + " is missing: run lab/zgw-lab test, which installs "
					+ "Debian's prometheus-alertmanager package");
		}
		Path dir = Files.createTempDirectory("zgw-am");
		Path config = dir.resolve(CONFIG_FILE);
		Files.writeString(config, configYaml);
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(BINARY.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
						"--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn"));
		command.addAll(List.of(flags));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		AlertmanagerProcess am = new AlertmanagerProcess(process, port, dir);
		ReadyProbe.await("Alertmanager", process, URI.create(am.url() + "/-/ready"), Duration.ofSeconds(20),
				() -> ReadyProbe.read(am.log()));
		return am;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The configuration file it reads at start and at {@code POST /-/reload}. */
	public Path configFile() {
		return this.workDir.resolve(CONFIG_FILE);
	}

	private Path log() {
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
