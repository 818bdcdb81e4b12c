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
 * {@code service_key}. As Alertmanager: 2xx (PagerDuty answers 202) is delivered, 5xx and
 * the rate limit's answer (429 for v2, 403 for v1) are retried, other answers are
 * permanent failures carrying PagerDuty's explanation.
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
		JsonPoster.Answer answer = this.poster.post(URI.create(this.config.url().value()),
				this.json.writeValueAsString(event), this.config.httpConfig(), this.timeout);
		if (this.config.eventsV1() && answer.status() == 403) {
			return DeliveryResult.retryable("unexpected status code 403: rate limited");
		}
		return answer.result();
	}

}
