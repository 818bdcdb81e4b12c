package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * ConformanceScenario is one routing file plus a timed alert stream, read from
 * {@code src/test/resources/conformance}, that Alertmanager and zgw are both fed.
 *
 * @param config the Alertmanager configuration, with {@code RECEIVER_URL} standing for
 * the recording receiver's base URL, and {@code PROXY_URL} and {@code CA_FILE} for a
 * {@link TunnelProxy} to it and the CA of its certificate (for an API whose URL
 * Alertmanager fixes)
 * @param silences silences (Alertmanager API v2 matchers) created before the first step
 * @param steps what is sent when, in seconds from the start
 * @param end seconds after the start at which the notifications are compared
 */
public record ConformanceScenario(String config, List<Silence> silences, List<Step> steps, int end) {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public ConformanceScenario {
		silences = (silences != null) ? silences : List.of();
	}

	/**
	 * Step is the alerts (label sets) fired and resolved at one moment of the scenario,
	 * all with the same annotations, after the configuration, if the step has one, was
	 * reloaded.
	 *
	 * @param at seconds from the start
	 * @param config a configuration (with the same placeholders as the scenario's) that
	 * replaces the running one through {@code POST /-/reload}, or null
	 */
	public record Step(double at, @Nullable String config, List<Map<String, String>> alerts,
			List<Map<String, String>> resolved, Map<String, String> annotations) {

		public Step {
			alerts = (alerts != null) ? alerts : List.of();
			resolved = (resolved != null) ? resolved : List.of();
			annotations = (annotations != null) ? annotations : Map.of();
		}

	}

	/** Silence is a silence's matchers in Alertmanager API v2 form. */
	public record Silence(List<Map<String, Object>> matchers) {
	}

	public static ConformanceScenario load(String name) throws IOException {
		try (InputStream in = ConformanceScenario.class.getResourceAsStream("/conformance/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no conformance scenario " + name);
			}
			return YAML.readValue(in, ConformanceScenario.class);
		}
	}

	/** Whether the scenario reaches its receiver through a {@link TunnelProxy}. */
	public boolean tunnelled() {
		return this.config.contains("PROXY_URL");
	}

	/**
	 * The configuration for a receiver reached through {@code proxy}, whose certificate
	 * {@code ca} signed.
	 */
	public String configFor(RecordingReceiver receiver, TunnelProxy proxy, Path ca) {
		return resolve(this.config, receiver, proxy, ca);
	}

	/**
	 * A configuration of the scenario (its first or a step's) with the placeholders
	 * replaced, as {@link #configFor(RecordingReceiver, TunnelProxy, Path)}.
	 */
	public static String resolve(String config, RecordingReceiver receiver, TunnelProxy proxy, Path ca) {
		return config.replace("RECEIVER_URL", receiver.url(""))
			.replace("PROXY_URL", proxy.url())
			.replace("CA_FILE", ca.toString());
	}

}
