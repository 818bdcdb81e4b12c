package io.zgw.gateway.e2e;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.ZabbixSender;
import io.zgw.sharding.zabbix.ZabbixClient;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LabShardControl makes things happen on one real lab shard for end-to-end tests: pushes
 * trapper values, reads trigger states and problems, reads the last event id, and points
 * the shard's {@code zgw} webhook media type somewhere else for a while.
 */
final class LabShardControl {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LabShard shard;

	private final ZabbixClient client;

	private final ZabbixSender sender;

	LabShardControl(LabShard shard) {
		this.shard = shard;
		this.client = shard.client();
		this.sender = new ZabbixSender(shard.serverPort());
	}

	String name() {
		return this.shard.name();
	}

	/** Pushes one trapper value; fails unless zabbix_server processed it. */
	void push(String host, String key, String value) throws IOException {
		this.sender.send(host, key, value);
	}

	/** Returns the id of the host's trigger whose name starts with {@code prefix}. */
	String triggerId(String host, String prefix) {
		ObjectNode params = JSON.createObjectNode().put("host", host);
		params.putArray("output").add("triggerid").add("description");
		for (JsonNode trigger : this.client.call("trigger.get", params)) {
			if (trigger.path("description").asString().startsWith(prefix)) {
				return trigger.path("triggerid").asString();
			}
		}
		throw new IllegalStateException(
				"shard " + name() + ": host " + host + " has no trigger named '" + prefix + "...' (lab not seeded?)");
	}

	/** Returns the trigger's value: 0 OK, 1 problem. */
	int triggerValue(String triggerId) {
		ObjectNode params = JSON.createObjectNode();
		params.putArray("triggerids").add(triggerId);
		params.putArray("output").add("value");
		return this.client.call("trigger.get", params).path(0).path("value").asInt(-1);
	}

	/** Waits until the trigger has the value, polling the shard's API. */
	void awaitTriggerValue(String triggerId, int value, Duration timeout) {
		Awaitility.await("shard " + name() + ": trigger " + triggerId + " reaches value " + value)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> triggerValue(triggerId) == value);
	}

	/** Returns the event ids of the trigger's open problems. */
	List<String> openProblemEventIds(String triggerId) {
		ObjectNode params = JSON.createObjectNode();
		params.putArray("objectids").add(triggerId);
		params.putArray("output").add("eventid");
		List<String> ids = new ArrayList<>();
		for (JsonNode problem : this.client.call("problem.get", params)) {
			ids.add(problem.path("eventid").asString());
		}
		return ids;
	}

	/**
	 * Returns the largest event id the shard has written (events of every source take ids
	 * from the same counter), read from its database.
	 */
	long maxEventId() {
		try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + this.shard.db(), "root", "");
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(eventid), 0) FROM events")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("shard " + name() + ": cannot read " + this.shard.db() + ".events", ex);
		}
	}

	/**
	 * Makes the shards' next event id the same: on each shard that is behind, fires and
	 * resolves the trigger {@code prefix} of host {@code <shard><hostSuffix>} (item
	 * {@code key}) until its last event id matches the others'. A gap of one leaves that
	 * problem open; the returned handle resolves it.
	 */
	static Undo alignEventIds(List<LabShardControl> shards, String hostSuffix, String key, String prefix)
			throws IOException {
		for (LabShardControl shard : shards) {
			// A filler problem left open by an interrupted run would swallow the next
			// push.
			String host = shard.name() + hostSuffix;
			shard.push(host, key, "0");
			shard.awaitTriggerValue(shard.triggerId(host, prefix), 0, Duration.ofSeconds(30));
		}
		List<LabShardControl> open = new ArrayList<>();
		for (int round = 0; round < 20; round++) {
			long max = shards.stream().mapToLong(LabShardControl::maxEventId).max().orElse(0);
			List<LabShardControl> behind = shards.stream().filter((s) -> s.maxEventId() < max).toList();
			if (behind.isEmpty()) {
				return () -> open.forEach((s) -> s.resolveFiller(hostSuffix, key, prefix));
			}
			for (LabShardControl shard : behind) {
				long gap = max - shard.maxEventId();
				String host = shard.name() + hostSuffix;
				String trigger = shard.triggerId(host, prefix);
				if (open.remove(shard)) {
					shard.step(host, key, "0", trigger, 0);
				}
				else {
					shard.step(host, key, "20", trigger, 1);
					if (gap >= 2) {
						shard.step(host, key, "0", trigger, 0);
					}
					else {
						open.add(shard);
					}
				}
			}
		}
		throw new IllegalStateException("event ids of " + shards.stream().map(LabShardControl::name).toList()
				+ " keep drifting apart: is another test pushing values right now?");
	}

	private void step(String host, String key, String value, String trigger, int triggerValue) throws IOException {
		long before = maxEventId();
		push(host, key, value);
		awaitTriggerValue(trigger, triggerValue, Duration.ofSeconds(30));
		Awaitility.await("shard " + name() + ": event of trigger " + trigger + " written")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> maxEventId() > before);
	}

	private void resolveFiller(String hostSuffix, String key, String prefix) {
		String host = name() + hostSuffix;
		try {
			step(host, key, "0", triggerId(host, prefix), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("shard " + name() + ": could not resolve " + host + " " + key, ex);
		}
	}

	/**
	 * Points the {@code zgw} media type's {@code URL} parameter at {@code url} until the
	 * returned handle is closed, which puts the previous parameters back.
	 */
	Undo redirectWebhook(String url) {
		ObjectNode get = JSON.createObjectNode();
		get.putObject("filter").put("name", "zgw");
		get.putArray("output").add("mediatypeid").add("parameters");
		JsonNode mediaType = this.client.call("mediatype.get", get).path(0);
		if (mediaType.isMissingNode()) {
			throw new IllegalStateException("shard " + name() + " has no zgw media type: run lab/zgw-lab up");
		}
		String id = mediaType.path("mediatypeid").asString();
		ArrayNode original = (ArrayNode) mediaType.path("parameters");
		ArrayNode redirected = JSON.createArrayNode();
		for (JsonNode parameter : original) {
			String value = "URL".equals(parameter.path("name").asString()) ? url : parameter.path("value").asString();
			redirected.addObject().put("name", parameter.path("name").asString()).put("value", value);
		}
		updateParameters(id, redirected);
		return () -> updateParameters(id, original);
	}

	private void updateParameters(String mediaTypeId, ArrayNode parameters) {
		ObjectNode update = JSON.createObjectNode().put("mediatypeid", mediaTypeId);
		update.set("parameters", parameters);
		this.client.call("mediatype.update", update);
	}

	/** Undo puts something changed on the shard back when closed. */
	interface Undo extends AutoCloseable {

		@Override
		void close();

	}

}
