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
 * SlackNotifier POSTs a rendered Slack message to an incoming webhook, or a
 * Slack-compatible one, and checks the answer: a 2xx is delivered unless its JSON body
 * reports a failure (Slack's Web API, Rocket.Chat, Zulip).
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

	// A 2xx is delivered unless its JSON body says otherwise: Slack's Web API
	// ({"ok": false}), Rocket.Chat's ({"success": false}) or Zulip's ({"result":
	// "error"}). Slack-compatible services answer success in their own words, which a
	// check for Slack's "ok" alone would count as failures, sent nonetheless.
	private DeliveryResult checkSlackAnswer(JsonPoster.Answer answer) {
		JsonNode node;
		try {
			node = json.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return DeliveryResult.delivered();
		}
		if (node == null || !(isFalse(node.path("ok")) || isFalse(node.path("success"))
				|| "error".equals(node.path("result").asString("")))) {
			return DeliveryResult.delivered();
		}
		String why = node.path("error").asString(node.path("msg").asString("unknown"));
		return DeliveryResult.permanent("slack answered error: " + why);
	}

	private static boolean isFalse(JsonNode value) {
		return value.isBoolean() && !value.asBoolean();
	}

}
