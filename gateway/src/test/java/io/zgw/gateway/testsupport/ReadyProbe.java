package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * ReadyProbe waits for a child process started by a test to answer 200 on its readiness
 * URL, failing early when the process exits.
 */
final class ReadyProbe {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ReadyProbe() {
	}

	/**
	 * Polls {@code ready} until it answers 200; throws naming {@code name} with the
	 * process's log text when the process exits or the timeout passes.
	 */
	static void await(String name, Process process, URI ready, Duration timeout, Supplier<String> logText)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited: " + logText.get());
			}
			try {
				HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(ready).build(),
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
		throw new IllegalStateException(name + " not ready within " + timeout + ": " + logText.get());
	}

	/** The whole text of a log file, or a note that it cannot be read. */
	static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

}
