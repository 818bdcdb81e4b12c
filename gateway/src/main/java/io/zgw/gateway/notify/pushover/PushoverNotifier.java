package io.zgw.gateway.notify.pushover;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.GoForm;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.json.JsonMapper;

/**
 * PushoverNotifier sends a rendered Pushover message as Alertmanager 0.25 does: an empty
 * {@code text/plain} POST whose query holds every parameter, sorted by name, the token
 * and user key added when it is sent. Pushover answers a refused message (an unknown
 * user, a bad token, a message too long) with a 4xx, which fails for good with its
 * explanation; 429 and 5xx are retried.
 */
public final class PushoverNotifier extends JsonApiNotifier<PushoverConfig> {

	/** Creates the notifier. */
	public PushoverNotifier(Integration integration, PushoverConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		Map<String, String> stored = payloadFields(delivery, "parameters");
		if (stored == null) {
			return DeliveryResult.permanent("pushover payload is not a JSON object with parameters");
		}
		Map<String, String> parameters = new TreeMap<>(stored);
		parameters.put("token", this.config.token().value());
		parameters.put("user", this.config.userKey().value());
		URI url = URI.create(this.config.apiUrl().value() + "?" + GoForm.encode(parameters));
		return this.poster.send("POST", url, "", "text/plain", Map.of(), this.config.httpConfig(), null, this.timeout)
			.result();
	}

}
