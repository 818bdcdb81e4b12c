package io.zgw.gateway.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * PipelineTestSupport sets up notification pipeline tests: a routing file on disk and a
 * database of the test's own.
 */
public final class PipelineTestSupport {

	private PipelineTestSupport() {
	}

	/** Writes the routing file text to a temporary file. */
	public static Path routingFile(String text) {
		return tempFile("zgw-routing-", ".yml", text);
	}

	/** Writes text to a temporary file, such as a calendar the routing file names. */
	public static Path tempFile(String prefix, String suffix, String text) {
		try {
			Path file = Files.createTempFile(prefix, suffix);
			file.toFile().deleteOnExit();
			Files.writeString(file, text);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points the context at a database of its own ({@code <ZGW_IT_DB>_<suffix>}), so that
	 * dispatchers and delivery workers of other cached test contexts do not take its
	 * lease or its outbox rows, and at the given routing file.
	 */
	public static void ownDatabaseAndRouting(DynamicPropertyRegistry registry, String suffix, Path routing) {
		ownDatabase(registry, suffix);
		registry.add("zgw.alerting.routing-config-file", routing::toString);
	}

	/**
	 * Points the context at a database of its own ({@code <ZGW_IT_DB>_<suffix>}), so that
	 * nothing another cached test context does touches its rows.
	 */
	public static void ownDatabase(DynamicPropertyRegistry registry, String suffix) {
		String base = System.getenv().getOrDefault("ZGW_IT_DB", "zgw_it");
		registry.add("spring.datasource.url",
				() -> "jdbc:mysql://127.0.0.1:3306/" + base + "_" + suffix + "?createDatabaseIfNotExist=true");
	}

}
