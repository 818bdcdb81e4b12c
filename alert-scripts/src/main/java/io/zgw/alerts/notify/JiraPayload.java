package io.zgw.alerts.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgw.alerts.config.JiraConfig;
import io.zgw.alerts.config.TemplatedValue;
import io.zgw.alerts.dispatch.Notification;
import io.zgw.alerts.model.GoStrings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * JiraPayload is what Alertmanager 0.28's Jira notifier decides from a notification, kept
 * in the outbox so that the sender only talks to Jira: the JQL that finds the group's
 * issue, the issue's fields (for a create or an update), whether the group fires, and the
 * transitions to apply.
 *
 * @param jql the search for the group's issue, labelled {@code ALERT{<group key hash>}}
 * @param cloud whether Jira Cloud's {@code search/jql} is used, not {@code search}
 * @param firing whether any alert of the group fires
 * @param issue {@code {"fields": {...}}}: project, issue type, summary, description,
 * labels (sorted, the group's label among them), priority and the custom fields
 * @param reopenTransition {@code reopen_transition}, empty when none
 * @param resolveTransition {@code resolve_transition}, empty when none
 */
public record JiraPayload(String jql, boolean cloud, boolean firing, ObjectNode issue, String reopenTransition,
		String resolveTransition) {

	private static final int MAX_SUMMARY = 255;

	private static final int MAX_DESCRIPTION = 32767;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	// The plain scalars YAML 1.1 reads as booleans and YAML 1.2 as strings.
	private static final Map<String, Boolean> YAML_11_BOOLEANS = yaml11Booleans();

	/**
	 * Builds the payload; a template that fails is reported to {@code errors} and
	 * rendered with Alertmanager's default instead.
	 */
	public static JiraPayload of(Notification notification, JiraConfig config, String externalUrl,
			TemplateErrors errors) {
		Rendering rendering = new Rendering(TemplateData.of(notification, externalUrl), notification.receiver(),
				"jira_configs", JiraConfig.DEFAULTS, errors);
		String label = "ALERT{" + Rendering.groupKeyHash(notification.groupKey()) + "}";
		boolean firing = !notification.firing().isEmpty();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < config.labels().size(); i++) {
			labels.add(rendering.textOrEmpty(config.labels().get(i), "labels[" + i + "]"));
		}
		labels.add(label);
		labels.sort(null);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		// As Alertmanager's issueFields: the standard fields, then the custom ones (which
		// win on the same name), written in key order.
		Map<String, JsonNode> fields = new TreeMap<>();
		String project = rendering.textOrEmpty(config.project(), "project");
		fields.put("project", nodes.objectNode().put("key", project));
		String issueType = rendering.textOrEmpty(config.issueType(), "issue_type");
		fields.put("issuetype", issueType.isEmpty() ? nodes.objectNode() : nodes.objectNode().put("name", issueType));
		fields.put("summary",
				nodes.stringNode(Rendering.truncate(rendering.textOrEmpty(config.summary(), "summary"), MAX_SUMMARY)));
		String description = Rendering.truncate(rendering.textOrEmpty(config.description(), "description"),
				MAX_DESCRIPTION);
		fields.put("description", config.apiVersion3() ? documentOf(description) : nodes.stringNode(description));
		ArrayNode labelNodes = nodes.arrayNode();
		labels.forEach(labelNodes::add);
		fields.put("labels", labelNodes);
		String priority = rendering.textOrEmpty(config.priority(), "priority");
		if (!priority.isEmpty()) {
			fields.put("priority", nodes.objectNode().put("name", priority));
		}
		config.fields().forEach((name, value) -> fields.put(name, render(value, rendering, "fields." + name)));
		ObjectNode issue = nodes.objectNode();
		issue.putObject("fields").setAll(fields);
		return new JiraPayload(jql(config, project, label, firing), config.cloud(), firing, issue,
				config.reopenTransition(), config.resolveTransition());
	}

	// As Alertmanager's DeepCopyWithTemplate: every string and mapping key rendered, the
	// rest as written.
	private static JsonNode render(TemplatedValue value, Rendering rendering, String field) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (value instanceof TemplatedValue.Text text) {
			return resolve(rendering.textOrEmpty(text.template(), field));
		}
		if (value instanceof TemplatedValue.Sequence sequence) {
			ArrayNode items = nodes.arrayNode();
			for (int i = 0; i < sequence.items().size(); i++) {
				items.add(render(sequence.items().get(i), rendering, field + "[" + i + "]"));
			}
			return items;
		}
		if (value instanceof TemplatedValue.Mapping mapping) {
			ObjectNode members = nodes.objectNode();
			for (TemplatedValue.Member member : mapping.members()) {
				String key = rendering.textOrEmpty(member.key(), field);
				members.set(key, render(member.value(), rendering, field + "." + key));
			}
			return members;
		}
		return ((TemplatedValue.Literal) value).value();
	}

	/**
	 * What a rendered field is sent as, read as Alertmanager reads it (YAML 1.1, as Go's
	 * yaml.v2): a number, a boolean ({@code true}, {@code yes}, {@code on}, ...), a list
	 * or a mapping as that, nothing as null, anything else as the text itself.
	 * Alertmanager renders the strings inside a list or mapping read this way once more,
	 * which would run template text that came from alert labels; here they are sent as
	 * they read.
	 */
	static JsonNode resolve(String text) {
		JsonNode read;
		try {
			read = YAML.readTree(text);
		}
		catch (JacksonException ex) {
			return JsonNodeFactory.instance.stringNode(text);
		}
		if (read == null || read.isMissingNode() || read.isNull()) {
			return JsonNodeFactory.instance.nullNode();
		}
		if (read.isString()) {
			Boolean yaml11 = YAML_11_BOOLEANS.get(text.strip());
			return (yaml11 != null) ? JsonNodeFactory.instance.booleanNode(yaml11)
					: JsonNodeFactory.instance.stringNode(text);
		}
		return read;
	}

	private static Map<String, Boolean> yaml11Booleans() {
		Map<String, Boolean> words = new HashMap<>();
		for (String word : List.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON")) {
			words.put(word, true);
		}
		for (String word : List.of("n", "N", "no", "No", "NO", "off", "Off", "OFF")) {
			words.put(word, false);
		}
		return Map.copyOf(words);
	}

	// Alertmanager's search, with its fix of 0.29 (#4478): never an issue closed as won't
	// fix; an open issue, or while firing with a reopen transition one resolved within
	// reopen_duration.
	private static String jql(JiraConfig config, String project, String label, boolean firing) {
		StringBuilder jql = new StringBuilder();
		if (!config.wontFixResolution().isEmpty()) {
			jql.append("resolution != ").append(GoStrings.quote(config.wontFixResolution())).append(" and ");
		}
		long reopenMinutes = config.reopenDuration().toMinutes();
		if (firing && !config.reopenTransition().isEmpty() && reopenMinutes > 0) {
			jql.append("(resolutiondate is EMPTY OR resolutiondate >= -").append(reopenMinutes).append("m) and ");
		}
		else {
			jql.append("statusCategory != Done and ");
		}
		jql.append("project=")
			.append(GoStrings.quote(project))
			.append(" and labels=")
			.append(GoStrings.quote(label))
			.append(" order by status ASC,resolutiondate DESC");
		return jql.toString();
	}

	// API v3 wants Atlassian Document Format. A description template that renders an
	// ADF document is sent as it is; other text (the default's Markdown) becomes a
	// document of paragraphs, where Alertmanager would refuse the notification.
	private static JsonNode documentOf(String description) {
		try {
			JsonNode parsed = JSON.readTree(description);
			if (parsed.isObject() && "doc".equals(parsed.path("type").asString(""))) {
				return parsed;
			}
		}
		catch (JacksonException ex) {
			// Not JSON: plain text, made a document below.
		}
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode doc = nodes.objectNode().put("type", "doc").put("version", 1);
		ArrayNode content = doc.putArray("content");
		for (String block : description.strip().split("\\n\\s*\\n")) {
			if (block.isBlank()) {
				continue;
			}
			ArrayNode inline = content.addObject().put("type", "paragraph").putArray("content");
			String[] lines = block.split("\\n");
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					inline.addObject().put("type", "hardBreak");
				}
				if (!lines[i].isEmpty()) {
					inline.addObject().put("type", "text").put("text", lines[i]);
				}
			}
		}
		return doc;
	}

}
