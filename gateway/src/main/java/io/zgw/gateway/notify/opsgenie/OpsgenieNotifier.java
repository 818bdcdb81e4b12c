package io.zgw.gateway.notify.opsgenie;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpsgenieNotifier makes a rendered notification's Alert API calls in order, each with
 * {@code Authorization: GenieKey <api_key>}. As Alertmanager: the first call that fails
 * fails the notification (429 and 5xx are retried, the whole list again; Opsgenie
 * deduplicates by alias), and 2xx from every call is delivered.
 */
public final class OpsgenieNotifier extends JsonApiNotifier<OpsgenieConfig> {

	/** Creates the notifier. */
	public OpsgenieNotifier(Integration integration, OpsgenieConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		ObjectNode payload = payloadObject(delivery);
		JsonNode requests = (payload != null) ? payload.path("requests") : null;
		if (requests == null || !requests.isArray() || requests.isEmpty()) {
			return DeliveryResult.permanent("opsgenie payload has no requests");
		}
		String authorization = "GenieKey " + this.config.apiKey().value();
		for (JsonNode request : requests) {
			URI url = URI.create(this.config.apiUrl().value() + request.path("path").asString());
			DeliveryResult result = this.poster
				.send(request.path("method").asString(), url, this.json.writeValueAsString(request.path("body")),
						this.config.httpConfig(), authorization, this.timeout)
				.result();
			if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
				return result;
			}
		}
		return DeliveryResult.delivered();
	}

}
