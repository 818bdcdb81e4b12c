package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amtool runs the real {@code amtool} (Alertmanager 0.25's CLI, from Debian's
 * prometheus-alertmanager) against a gateway, authenticated with an API key.
 */
public final class Amtool {

	private static final Path BINARY = Path.of("/usr/bin/amtool");

	private final int port;

	private final Path httpConfig;

	/**
	 * An amtool for the gateway on {@code port}; its HTTP client configuration, holding
	 * {@code apiKey}, is written to {@code dir}.
	 */
	public Amtool(int port, String apiKey, Path dir) throws IOException {
		assertThat(BINARY).as("amtool must be installed (apt-get install prometheus-alertmanager)").isExecutable();
		this.port = port;
		// amtool 0.25 sends the API key from Prometheus' HTTP client configuration.
		this.httpConfig = Files.writeString(dir.resolve("amtool-http.yml"),
				"authorization:\n  credentials: " + apiKey + "\n");
	}

	/** Runs amtool, asserts it succeeded and returns its output. */
	public String run(String... args) throws IOException, InterruptedException {
		Result result = attempt(args);
		assertThat(result.exitCode()).as("amtool %s: %s", List.of(args), result.stderr()).isZero();
		return result.stdout();
	}

	/** Runs amtool and returns how it ended. */
	public Result attempt(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(BINARY.toString(),
				"--alertmanager.url=http://127.0.0.1:" + this.port, "--http.config.file=" + this.httpConfig));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("amtool", ".out");
		Path err = Files.createTempFile("amtool", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("amtool finished").isTrue();
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** Result is how one amtool run ended. */
	public record Result(int exitCode, String stdout, String stderr) {
	}

}
