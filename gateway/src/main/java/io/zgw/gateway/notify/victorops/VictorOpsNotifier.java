package io.zgw.gateway.notify.victorops;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Notifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VictorOpsNotifier posts a rendered message to {@code <api_url><api_key>/<routing_key>}.
 * As Alertmanager: a firing message whose type is not CRITICAL, WARNING or INFO fails for
 * good; 5xx and 429 are retried.
 */
public final class VictorOpsNotifier implements Notifier {

	private static final Set<String> MESSAGE_TYPES = Set.of("CRITICAL", "WARNING", "INFO", "RECOVERY");

	private final Integration integration;

	private final VictorOpsConfig config;

	private final JsonPoster poster;

	private final JsonMapper json;

	private final Duration timeout;

	/** Creates the notifier. */
	public VictorOpsNotifier(Integration integration, VictorOpsConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		this.integration = integration;
		this.config = config;
		this.poster = poster.with(config.httpConfig());
		this.json = json;
		this.timeout = timeout;
	}

	@Override
	public Integration integration() {
		return this.integration;
	}

	@Override
	public boolean sendResolved() {
		return this.config.sendResolved();
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		JsonNode payload;
		try {
			payload = this.json.readTree(delivery.payload());
		}
		catch (JacksonException ex) {
			return DeliveryResult.permanent("victorops payload is not JSON");
		}
		JsonNode message = payload.path("message");
		String type = message.path("message_type").asString("");
		if (!MESSAGE_TYPES.contains(type)) {
			return DeliveryResult.permanent("victorops: invalid message type '" + type + "'");
		}
		URI url = URI.create(this.config.apiUrl().value() + encode(this.config.apiKey().value()) + "/"
				+ encode(payload.path("routing_key").asString("")));
		return this.poster.post(url, this.json.writeValueAsString(message), this.config.httpConfig(), this.timeout)
			.result();
	}

	private static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
