package io.zgw.alerts.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zgw.alerts.config.OpsgenieConfig;
import io.zgw.alerts.dispatch.Notification;

/**
 * OpsgeniePayload is the Opsgenie Alert API v2 calls Alertmanager 0.25 makes for a
 * notification, without the API key, which the sender adds: while any alert fires, create
 * the alert (and with {@code update_alerts} update its message and description), else
 * close it. The alias is the SHA-256 of the group key, so one group is one Opsgenie
 * alert.
 *
 * @param requests the calls, in order; paths are relative to {@code api_url}
 */
public record OpsgeniePayload(List<Request> requests) {

	private static final int MAX_MESSAGE = 130;

	/**
	 * Builds the calls, rendering the config's templates; one that fails is reported to
	 * {@code errors} and rendered with Alertmanager's default (or the empty text)
	 * instead.
	 */
	public static OpsgeniePayload of(Notification notification, OpsgenieConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"opsgenie_configs", OpsgenieConfig.DEFAULTS, errors);
		String alias = Rendering.groupKeyHash(notification.groupKey());
		String aliasPath = "v2/alerts/" + alias + "/";
		String source = rendering.textOrEmpty(config.source(), "source");
		if (notification.firing().isEmpty()) {
			return new OpsgeniePayload(
					List.of(new Request("POST", aliasPath + "close?identifierType=alias", Map.of("source", source))));
		}
		Map<String, String> details = new TreeMap<>(notification.commonLabels().asMap());
		config.details()
			.forEach((name, template) -> details.put(name, rendering.textOrEmpty(template, "details." + name)));
		List<Responder> responders = new ArrayList<>();
		for (OpsgenieConfig.Responder responder : config.responders()) {
			Responder rendered = new Responder(rendering.textOrEmpty(responder.id(), "responders.id"),
					rendering.textOrEmpty(responder.name(), "responders.name"),
					rendering.textOrEmpty(responder.username(), "responders.username"),
					rendering.textOrEmpty(responder.type(), "responders.type"));
			if ("teams".equals(rendered.type())) {
				for (String team : split(rendered.name())) {
					responders.add(new Responder("", team, "", "team"));
				}
			}
			else if (!rendered.equals(new Responder("", "", "", ""))) {
				responders.add(rendered);
			}
		}
		String message = Rendering.truncate(rendering.textOrEmpty(config.message(), "message"), MAX_MESSAGE);
		String description = rendering.textOrEmpty(config.description(), "description");
		Create create = new Create(alias, message, description, details, source, responders,
				split(rendering.textOrEmpty(config.tags(), "tags")), rendering.textOrEmpty(config.note(), "note"),
				rendering.textOrEmpty(config.priority(), "priority"), rendering.textOrEmpty(config.entity(), "entity"),
				split(rendering.textOrEmpty(config.actions(), "actions")));
		List<Request> requests = new ArrayList<>();
		requests.add(new Request("POST", "v2/alerts", create));
		if (config.updateAlerts()) {
			requests.add(new Request("PUT", aliasPath + "message?identifierType=alias", omitEmpty("message", message)));
			requests.add(new Request("PUT", aliasPath + "description?identifierType=alias",
					omitEmpty("description", description)));
		}
		return new OpsgeniePayload(requests);
	}

	// As Alertmanager's safeSplit: trimmed, split on the separator, empty parts dropped.
	private static List<String> split(String text) {
		List<String> parts = new ArrayList<>();
		for (String part : text.strip().split(",", -1)) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		return parts;
	}

	private static Map<String, String> omitEmpty(String field, String value) {
		Map<String, String> body = new LinkedHashMap<>();
		if (!value.isEmpty()) {
			body.put(field, value);
		}
		return body;
	}

	/**
	 * Request is one call to the Alert API.
	 *
	 * @param method {@code POST} or {@code PUT}
	 * @param path the path and query after {@code api_url}
	 * @param body the JSON body
	 */
	public record Request(String method, String path, Object body) {
	}

	/**
	 * Create is the body that creates an alert.
	 *
	 * @param alias {@code alias}: hex SHA-256 of the group key
	 * @param message {@code message}
	 * @param description {@code description}, omitted when empty
	 * @param details {@code details}: common labels, then the configured details
	 * @param source {@code source}
	 * @param responders {@code responders}, omitted when none
	 * @param tags {@code tags}, omitted when none
	 * @param note {@code note}, omitted when empty
	 * @param priority {@code priority}, omitted when empty
	 * @param entity {@code entity}, omitted when empty
	 * @param actions {@code actions}, omitted when none
	 */
	public record Create(String alias, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
			Map<String, String> details, String source,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Responder> responders,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String note,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String priority,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String entity,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> actions) {
	}

	/**
	 * Responder is a responder as sent; empty fields other than the type are omitted.
	 *
	 * @param id {@code id}
	 * @param name {@code name}
	 * @param username {@code username}
	 * @param type {@code type}
	 */
	public record Responder(@JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) String username, String type) {
	}

}
