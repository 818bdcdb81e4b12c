package io.zgw.gateway.notify.rocketchat;

import java.time.Duration;
import java.util.Map;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RocketChatNotifier posts a rendered message to
 * {@code <api_url>/api/v1/chat.postMessage} with the token in {@code X-Auth-Token} and
 * its user in {@code X-User-Id}, as Alertmanager 0.28. Rocket.Chat may refuse a message
 * with a 2xx answer, so the answer's {@code success} decides: false fails for good with
 * Rocket.Chat's error, an answer that is not JSON is retried. 5xx and 429 are retried,
 * other 4xx (a bad token, an unknown room) fail for good.
 */
public final class RocketChatNotifier extends JsonApiNotifier<RocketChatConfig> {

	/** Creates the notifier. */
	public RocketChatNotifier(Integration integration, RocketChatConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		JsonPoster.Answer answer = this.poster.send("POST", this.config.postMessage(), delivery.payload(),
				"application/json",
				Map.of("X-Auth-Token", this.config.token().value(), "X-User-Id", this.config.tokenId().value()),
				this.config.httpConfig(), null, this.timeout);
		DeliveryResult result = answer.result();
		if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
			return result;
		}
		JsonNode body;
		try {
			body = this.json.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return DeliveryResult.retryable("could not unmarshal JSON response " + excerpt(answer.body()));
		}
		if (!body.path("success").asBoolean(false)) {
			return DeliveryResult.permanent("error response from Rocketchat: " + body.path("error").asString(""));
		}
		return DeliveryResult.delivered();
	}

	private static String excerpt(String body) {
		return "\"" + ((body.length() > 200) ? body.substring(0, 200) + "..." : body) + "\"";
	}

}
