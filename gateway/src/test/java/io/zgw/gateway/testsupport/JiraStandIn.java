package io.zgw.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JiraStandIn is a real HTTP server (the JDK's, on a loopback port) answering the part of
 * Jira's REST API (v2 and v3) an alert notifier uses, with issues kept in memory: search
 * by JQL (the {@code labels="..."} and {@code statusCategory != Done} terms), create,
 * update, and the {@code Reopen} (id 11) and {@code Done} (id 31) transitions. Jira
 * cannot run here; the answers follow Atlassian's documented shapes. It records every
 * request and can be told to answer the next ones with an error.
 */
public final class JiraStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LABEL = Pattern.compile("labels=\"([^\"]+)\"");

	private final HttpServer server;

	private final Map<String, Issue> issues = new LinkedHashMap<>();

	private final List<Request> requests = new ArrayList<>();

	private int failWith;

	private String failBody = "";

	private int failCount;

	/**
	 * Request is one request as received.
	 *
	 * @param method HTTP method
	 * @param path path, without the API base
	 * @param body the body, empty when none
	 * @param authorization the Authorization header, or null
	 */
	public record Request(String method, String path, String body, String authorization) {
	}

	/**
	 * Issue is an issue as stored.
	 *
	 * @param key the issue key
	 * @param fields the fields last sent
	 * @param done whether its status is in the done category
	 */
	public record Issue(String key, JsonNode fields, boolean done) {
	}

	/** Starts the server on a free loopback port. */
	public JiraStandIn() {
		this.server = LoopbackServer.start(this::handle);
	}

	/**
	 * The base URL of an API version, such as {@code http://127.0.0.1:port/rest/api/2}.
	 */
	public String apiUrl(int version) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/rest/api/" + version;
	}

	/** Answers the next {@code count} requests with {@code status} and {@code body}. */
	public synchronized void failNext(int count, int status, String body) {
		this.failCount = count;
		this.failWith = status;
		this.failBody = body;
	}

	/** Puts an issue in place, as if made earlier. */
	public synchronized void put(Issue issue) {
		this.issues.put(issue.key(), issue);
	}

	/** The issues, in creation order. */
	public synchronized List<Issue> issues() {
		return List.copyOf(this.issues.values());
	}

	/** The requests, in arrival order. */
	public synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath().replaceFirst("^/rest/api/\\d+/", "");
		String method = exchange.getRequestMethod();
		int status;
		String answer;
		synchronized (this) {
			this.requests.add(new Request(method, path, body, exchange.getRequestHeaders().getFirst("Authorization")));
			if (this.failCount > 0) {
				this.failCount--;
				status = this.failWith;
				answer = this.failBody;
			}
			else {
				status = 200;
				answer = answer(method, path, body);
				if (answer == null) {
					status = 404;
					answer = "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"]}";
				}
				else if (method.equals("PUT") || (method.equals("POST") && path.endsWith("/transitions"))) {
					status = 204;
				}
				else if (method.equals("POST") && path.equals("issue")) {
					status = 201;
				}
			}
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (status == 204) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			if (status != 204) {
				out.write(bytes);
			}
		}
	}

	// The answer's body, or null for an unknown issue.
	private String answer(String method, String path, String body) {
		if (method.equals("POST") && (path.equals("search") || path.equals("search/jql"))) {
			return search(JSON.readTree(body).path("jql").asString());
		}
		if (method.equals("POST") && path.equals("issue")) {
			JsonNode fields = JSON.readTree(body).path("fields");
			String key = fields.path("project").path("key").asString() + "-" + (this.issues.size() + 1);
			this.issues.put(key, new Issue(key, fields, false));
			return "{\"id\":\"1000" + this.issues.size() + "\",\"key\":\"" + key + "\"}";
		}
		String[] parts = path.split("/");
		Issue issue = (parts.length >= 2) ? this.issues.get(parts[1]) : null;
		if (issue == null) {
			return null;
		}
		if (method.equals("PUT") && parts.length == 2) {
			this.issues.put(issue.key(), new Issue(issue.key(), JSON.readTree(body).path("fields"), issue.done()));
			return "";
		}
		if (method.equals("GET") && path.endsWith("/transitions")) {
			return "{\"transitions\":[{\"id\":\"11\",\"name\":\"Reopen\"},{\"id\":\"31\",\"name\":\"Done\"}]}";
		}
		if (method.equals("POST") && path.endsWith("/transitions")) {
			String id = JSON.readTree(body).path("transition").path("id").asString();
			this.issues.put(issue.key(), new Issue(issue.key(), issue.fields(), "31".equals(id)));
			return "";
		}
		return null;
	}

	private String search(String jql) {
		Matcher label = LABEL.matcher(jql);
		boolean openOnly = jql.contains("statusCategory != Done");
		ObjectNode result = JSON.createObjectNode();
		ArrayNode found = result.putArray("issues");
		for (Issue issue : this.issues.values()) {
			boolean labelled = label.find(0) && issue.fields().path("labels").toString().contains(label.group(1));
			if (labelled && !(openOnly && issue.done())) {
				ObjectNode hit = found.addObject().put("key", issue.key());
				hit.putObject("fields")
					.putObject("status")
					.putObject("statusCategory")
					.put("key", issue.done() ? "done" : "new");
			}
		}
		return result.toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
