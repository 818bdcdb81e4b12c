package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RoutingFiles writes Alertmanager routing files
 * ({@code zgw.alerting.routing-config-file}) for end-to-end tests: one webhook receiver,
 * short timers.
 */
public final class RoutingFiles {

	/**
	 * The group interval of {@link #webhook}; tests wait a few of them for nothing new.
	 */
	public static final String GROUP_INTERVAL = "2s";

	private RoutingFiles() {
	}

	/**
	 * Writes a routing file that sends every alert, grouped by {@code alertname} and
	 * {@code business_line} ({@code group_wait} 1s), to one webhook receiver
	 * {@code receiver} at {@code url}, resolved notifications included; returns its path.
	 */
	public static String webhook(String receiver, String url) {
		String yaml = """
				route:
				  receiver: %s
				  group_by: [alertname, business_line]
				  group_wait: 1s
				  group_interval: %s
				  repeat_interval: 1h
				receivers:
				  - name: %s
				    webhook_configs:
				      - url: '%s'
				        send_resolved: true
				""".formatted(receiver, GROUP_INTERVAL, receiver, url);
		try {
			Path file = Files.createTempFile("zgw-e2e-routing-", ".yml");
			Files.writeString(file, yaml);
			file.toFile().deleteOnExit();
			return file.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
