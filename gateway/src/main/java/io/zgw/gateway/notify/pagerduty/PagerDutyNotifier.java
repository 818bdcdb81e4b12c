package io.zgw.gateway.notify.pagerduty;

import java.net.URI;
import java.time.Duration;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Notifier;
import io.zgw.gateway.notify.http.JsonPoster;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PagerDutyNotifier posts a rendered Events API v2 event with the config's routing key to
 * PagerDuty. As Alertmanager: 2xx (PagerDuty answers 202) is delivered, 429 and 5xx are
 * retried, other answers are permanent failures carrying PagerDuty's explanation.
 */
public final class PagerDutyNotifier implements Notifier {

	private final Integration integration;

	private final PagerDutyConfig config;

	private final JsonPoster poster;

	private final JsonMapper json;

	private final Duration timeout;

	/** Creates the notifier. */
	public PagerDutyNotifier(Integration integration, PagerDutyConfig config, JsonPoster poster, JsonMapper json,
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
		ObjectNode event;
		try {
			JsonNode parsed = this.json.readTree(delivery.payload());
			if (!(parsed instanceof ObjectNode object)) {
				return DeliveryResult.permanent("pagerduty payload is not a JSON object");
			}
			event = object;
		}
		catch (JacksonException ex) {
			return DeliveryResult.permanent("pagerduty payload is not JSON");
		}
		event.put("routing_key", this.config.routingKey().value());
		return this.poster
			.post(URI.create(this.config.url().value()), this.json.writeValueAsString(event), this.config.httpConfig(),
					this.timeout)
			.result();
	}

}
