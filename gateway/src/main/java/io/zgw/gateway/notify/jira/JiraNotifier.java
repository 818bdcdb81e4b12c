package io.zgw.gateway.notify.jira;

import java.time.Duration;
import java.util.Map;

import io.zgw.gateway.notify.Delivery;
import io.zgw.gateway.notify.DeliveryResult;
import io.zgw.gateway.notify.Integration;
import io.zgw.gateway.notify.http.JsonApiNotifier;
import io.zgw.gateway.notify.http.JsonPoster;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JiraNotifier keeps one Jira issue per alert group, as Alertmanager 0.28: it searches
 * the group's issue by its label, creates one while the group fires and none exists,
 * otherwise updates it, then moves it with the reopen transition (a done issue whose
 * group fires again) or the resolve transition (an open issue whose group resolved),
 * looked up by name. Every call failing with 429 or 5xx (or no answer) retries the whole
 * notification, which finds the same issue again; another 4xx fails for good with Jira's
 * error.
 *
 * <p>
 * Jira Data Center is searched with {@code POST search}, Jira Cloud with
 * {@code POST search/jql}, the search Atlassian left there when it removed {@code search}
 * (the payload says which, from {@code api_type}).
 */
public final class JiraNotifier extends JsonApiNotifier<JiraConfig> {

	private static final Map<String, String> HEADERS = Map.of("Accept-Language", "en");

	/** Creates the notifier. */
	public JiraNotifier(Integration integration, JiraConfig config, JsonPoster poster, JsonMapper json,
			Duration timeout) {
		super(integration, config, poster, json, timeout);
	}

	@Override
	public DeliveryResult send(Delivery delivery) {
		ObjectNode payload = payloadObject(delivery);
		if (payload == null || !payload.path("issue").isObject() || !payload.path("jql").isString()) {
			return DeliveryResult.permanent("jira payload has no issue or search");
		}
		boolean firing = payload.path("firing").asBoolean();
		boolean cloud = payload.path("cloud").asBoolean();
		Call search = call("POST", cloud ? "search/jql" : "search", searchBody(payload.path("jql").asString(), cloud));
		if (search.failure() != null) {
			return failed("failed to look up existing issues: HTTP request to JIRA API", search.failure());
		}
		JsonNode existing = search.answer().path("issues").path(0);
		if (existing.isMissingNode() || existing.path("key").asString("").isEmpty()) {
			if (!firing) {
				// As Alertmanager: no issue is made for a resolved group.
				return DeliveryResult.delivered();
			}
			Call created = call("POST", "issue", this.json.writeValueAsString(payload.path("issue")));
			return (created.failure() != null) ? failed("failed to POST request to \"issue\"", created.failure())
					: DeliveryResult.delivered();
		}
		String key = existing.path("key").asString();
		String path = "issue/" + key;
		Call updated = call("PUT", path, this.json.writeValueAsString(payload.path("issue")));
		if (updated.failure() != null) {
			return failed("failed to PUT request to \"" + path + "\"", updated.failure());
		}
		boolean done = "done"
			.equals(existing.path("fields").path("status").path("statusCategory").path("key").asString(""));
		if (firing == !done || !existing.path("fields").path("status").isObject()) {
			return DeliveryResult.delivered();
		}
		return transition(key, payload.path(firing ? "reopenTransition" : "resolveTransition").asString(""));
	}

	// As Alertmanager: the first two matches, their status only.
	private String searchBody(String jql, boolean cloud) {
		ObjectNode body = this.json.createObjectNode();
		if (!cloud) {
			body.putArray("expand");
		}
		body.putArray("fields").add("status");
		body.put("jql", jql).put("maxResults", 2);
		if (!cloud) {
			body.put("startAt", 0);
		}
		return this.json.writeValueAsString(body);
	}

	// Moves the issue with the named transition; none configured, nothing to do (as
	// Alertmanager since #4821; 0.28 failed with "can't find transition for issue").
	private DeliveryResult transition(String key, String name) {
		if (name.isEmpty()) {
			return DeliveryResult.delivered();
		}
		String path = "issue/" + key + "/transitions";
		Call transitions = call("GET", path, "");
		if (transitions.failure() != null) {
			return transitions.failure();
		}
		String id = null;
		for (JsonNode transition : transitions.answer().path("transitions")) {
			if (name.equals(transition.path("name").asString(""))) {
				id = transition.path("id").asString();
				break;
			}
		}
		if (id == null) {
			return DeliveryResult.permanent("can't find transition " + name + " for issue " + key);
		}
		ObjectNode body = this.json.createObjectNode();
		body.putObject("transition").put("id", id);
		Call moved = call("POST", path, this.json.writeValueAsString(body));
		return (moved.failure() != null) ? moved.failure() : DeliveryResult.delivered();
	}

	private Call call(String method, String path, String body) {
		JsonPoster.Answer answer = this.poster.send(method, this.config.resolve(path), body, "application/json",
				HEADERS, this.config.httpConfig(), null, this.timeout);
		DeliveryResult result = answer.result();
		if (result.outcome() != DeliveryResult.Outcome.DELIVERED) {
			return new Call(this.json.createObjectNode(), result);
		}
		if (answer.body().isBlank()) {
			return new Call(this.json.createObjectNode(), null);
		}
		try {
			return new Call(this.json.readTree(answer.body()), null);
		}
		catch (JacksonException ex) {
			return new Call(this.json.createObjectNode(),
					DeliveryResult.retryable("answer is not JSON: " + ex.getOriginalMessage()));
		}
	}

	private static DeliveryResult failed(String context, DeliveryResult failure) {
		String error = context + ": " + failure.error();
		return (failure.outcome() == DeliveryResult.Outcome.RETRYABLE_FAILURE) ? DeliveryResult.retryable(error)
				: DeliveryResult.permanent(error);
	}

	private record Call(JsonNode answer, @Nullable DeliveryResult failure) {
	}

}
