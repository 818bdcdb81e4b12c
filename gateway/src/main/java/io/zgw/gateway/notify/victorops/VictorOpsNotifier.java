package io.zgw.gateway.notify.victorops;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * VictorOpsNotifier posts a rendered message to {@code <api_url><api_key>/<routing_key>}.
 * As Alertmanager: a firing message whose type is not CRITICAL, WARNING or INFO fails for
 * good; 5xx and 429 are retried.
 */
public final class VictorOpsNotifier extends JsonApiNotifier<VictorOpsConfig> {

	private static final Set<String> MESSAGE_TYPES = Set.of("CRITICAL", "WARNING", "INFO", "RECOVERY");

	/** Creates the notifier. */
	public VictorOpsNotifier(Integration integration, VictorOpsConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		ObjectNode payload = payloadObject(delivery);
		if (payload == null) {
			return DeliveryResult.permanent("victorops payload is not a JSON object");
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
