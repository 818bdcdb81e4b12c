package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zgw.gateway.GatewayApplication;

/**
 * GatewayProcess runs the gateway in a JVM of its own (the test classpath, Spring profile
 * {@code it}), so a test can kill it with SIGKILL and start it again on the same port and
 * database.
 */
public final class GatewayProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private GatewayProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the gateway on {@code port} with the given extra arguments
	 * ({@code --key=value}) and waits until {@code /actuator/health} answers.
	 */
	public static GatewayProcess start(int port, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), GatewayApplication.class.getName(),
						"--server.port=" + port, "--spring.profiles.active=it"));
		command.addAll(arguments);
		Path log = Files.createTempFile("zgw-gateway-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		GatewayProcess gateway = new GatewayProcess(process, port, log);
		try {
			gateway.awaitUp(Duration.ofSeconds(90));
		}
		catch (RuntimeException ex) {
			gateway.kill();
			throw ex;
		}
		return gateway;
	}

	private void awaitUp(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("gateway exited during start-up, log " + this.log);
			}
			try {
				client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException notYetListening) {
				// retried until the deadline
			}
			// Polling a child process's start-up: there is no clock to inject.
			Thread.sleep(200);
		}
		throw new IllegalStateException("gateway did not start within " + timeout + ", log " + this.log);
	}

	/** Kills the gateway with SIGKILL (no shutdown hooks) and waits until it is gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("gateway pid " + this.process.pid() + " survived SIGKILL for 10 s");
		}
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
