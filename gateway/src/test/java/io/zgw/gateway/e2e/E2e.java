package io.zgw.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zgw.gateway.testsupport.RecordingReceiver;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * E2e holds small helpers the end-to-end tests share.
 */
final class E2e {

	private E2e() {
	}

	/**
	 * Returns the database of one end-to-end test class: {@code $ZGW_IT_DB_<suffix>}, so
	 * that gateways of different classes (cached contexts stay alive) never compete for
	 * the same dispatch lease and outbox.
	 */
	static String database(String suffix) {
		return System.getenv().getOrDefault("ZGW_IT_DB", "zgw_it") + "_" + suffix;
	}

	/** Points the context's datasource at {@link #database(String)}. */
	static void useDatabase(DynamicPropertyRegistry registry, String suffix) {
		registry.add("spring.datasource.url",
				() -> "jdbc:mysql://127.0.0.1:3306/" + database(suffix) + "?createDatabaseIfNotExist=true");
	}

	/** Starts a recording webhook receiver for a static field. */
	static RecordingReceiver receiver() {
		try {
			return new RecordingReceiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
