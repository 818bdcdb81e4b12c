package io.zgw.gateway.notify.slack;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SlackNotifier POSTs a rendered Slack message to an incoming webhook and checks Slack's
 * answer: {@code ok} as text, or {@code {"ok": true}} as JSON from the Web API.
 */
public final class SlackNotifier extends JsonApiNotifier<SlackConfig> {

	/** Creates the notifier. */
	public SlackNotifier(Integration integration, SlackConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		ObjectNode message = payloadObject(delivery);
		if (message == null) {
			return DeliveryResult.permanent("slack payload is not a JSON object");
		}
		if (config.channel() != null && !message.has("channel")) {
			message.put("channel", config.channel());
		}
		if (config.username() != null && !message.has("username")) {
			message.put("username", config.username());
		}
		JsonPoster.Answer answer = poster.post(URI.create(config.apiUrl().value()), json.writeValueAsString(message),
				config.httpConfig(), timeout);
		DeliveryResult result = answer.result();
		if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
			return result;
		}
		return checkSlackAnswer(answer);
	}

	private DeliveryResult checkSlackAnswer(JsonPoster.Answer answer) {
		String body = answer.body().strip();
		if (answer.contentType().startsWith("application/json")) {
			try {
				JsonNode node = json.readTree(body);
				if (node.path("ok").asBoolean(false)) {
					return DeliveryResult.delivered();
				}
				return DeliveryResult.permanent("slack answered error: " + node.path("error").asString("unknown"));
			}
			catch (JacksonException ex) {
				return DeliveryResult.permanent("slack answered invalid JSON");
			}
		}
		if (body.isEmpty() || "ok".equals(body)) {
			return DeliveryResult.delivered();
		}
		return DeliveryResult.permanent("slack answered: " + (body.length() > 200 ? body.substring(0, 200) : body));
	}

}
