package io.zgw.gateway.alerting.amapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.AlertingProperties;

import org.springframework.stereotype.Component;

/**
 * InterimAlertRouting routes every alert to one receiver named {@code default} and shows
 * {@code zgw.alerting.routing-config-file} as the configuration, until the routing tree
 * is wired as the {@link AlertRouting}.
 */
@Component
class InterimAlertRouting implements AlertRouting {

	private static final List<String> DEFAULT = List.of("default");

	private final String original;

	InterimAlertRouting(AlertingProperties properties) {
		String file = properties.routingConfigFile();
		if (file == null || file.isBlank()) {
			this.original = "";
			return;
		}
		try {
			this.original = Files.readString(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"zgw.alerting.routing-config-file: cannot read '" + file + "': " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> receiversFor(LabelSet labels) {
		return DEFAULT;
	}

	@Override
	public List<String> receiverNames() {
		return DEFAULT;
	}

	@Override
	public String originalConfig() {
		return this.original;
	}

}
