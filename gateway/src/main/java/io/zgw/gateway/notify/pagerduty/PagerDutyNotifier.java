package io.zgw.gateway.notify.pagerduty;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDutyNotifier posts a rendered Events API v2 event with the config's routing key to
 * PagerDuty. As Alertmanager: 2xx (PagerDuty answers 202) is delivered, 429 and 5xx are
 * retried, other answers are permanent failures carrying PagerDuty's explanation.
 */
public final class PagerDutyNotifier extends JsonApiNotifier<PagerDutyConfig> {

	/** Creates the notifier. */
	public PagerDutyNotifier(Integration integration, PagerDutyConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		ObjectNode event = payloadObject(delivery);
		if (event == null) {
			return DeliveryResult.permanent("pagerduty payload is not a JSON object");
		}
		event.put("routing_key", this.config.routingKey().value());
		return this.poster
			.post(URI.create(this.config.url().value()), this.json.writeValueAsString(event), this.config.httpConfig(),
					this.timeout)
			.result();
	}

}
