package io.zgw.gateway.notify.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.Notifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JsonApiNotifier is what the notifiers of HTTP APIs (Slack, PagerDuty, Opsgenie,
 * VictorOps, Telegram, WeChat, SNS) share: the integration and its config, a poster with
 * the config's {@code http_config}, and reading a rendered payload back as a JSON object
 * before the secret parts are added.
 */
public abstract class JsonApiNotifier<C extends HttpIntegrationConfig> implements Notifier {

	private final Integration integration;

	/** The integration's config. */
	protected final C config;

	/** The poster with this integration's TLS and proxy settings. */
	protected final JsonPoster poster;

	/** The mapper payloads are read and written with. */
	protected final JsonMapper json;

	/** The per-send timeout. */
	protected final Duration timeout;

	protected JsonApiNotifier(Integration integration, C config, JsonPoster poster, JsonMapper json, Duration timeout) {
		this.integration = integration;
		this.config = config;
		this.poster = poster.with(config.httpConfig());
		this.json = json;
		this.timeout = timeout;
	}

	@Override
	public final Integration integration() {
		return this.integration;
	}

	@Override
	public final boolean sendResolved() {
		return this.config.sendResolved();
	}

	/**
	 * The text fields of the payload's object {@code field} (a form, a query), in payload
	 * order, or null when the payload has no such object.
	 */
	protected final @Nullable Map<String, String> payloadFields(Delivery delivery, String field) {
		ObjectNode payload = payloadObject(delivery);
		if (payload == null || !payload.path(field).isObject()) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		payload.path(field).properties().forEach((e) -> fields.put(e.getKey(), e.getValue().asString()));
		return fields;
	}

	/** The delivery's payload as a JSON object, or null when it is not one. */
	protected final @Nullable ObjectNode payloadObject(Delivery delivery) {
		try {
			JsonNode parsed = this.json.readTree(delivery.payload());
			return (parsed instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
