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
 * PagerDutyNotifier posts a rendered event with the config's key to PagerDuty: an Events
 * API v2 event with its {@code routing_key}, or an Events API v1 event with its
 * {@code service_key}. 2xx (PagerDuty answers 202) is delivered; the rest as
 * {@link JsonPoster.Answer#result()}: the rate limit's answer (429 for v2, 403 for v1) is
 * retried, 400 (an invalid event) fails for good with PagerDuty's explanation.
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
		event.put(this.config.eventsV1() ? "service_key" : "routing_key", this.config.key().value());
		return this.poster
			.post(URI.create(this.config.url().value()), this.json.writeValueAsString(event), this.config.httpConfig(),
					this.timeout)
			.result();
	}

}
