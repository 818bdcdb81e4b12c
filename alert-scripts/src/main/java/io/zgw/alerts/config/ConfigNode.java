package io.zgw.alerts.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * ConfigNode is a YAML mapping under a known path; every read names the path of the
 * element in its error, and unread keys can be reported.
 */
final class ConfigNode {

	private final String path;

	private final JsonNode node;

	private final Set<String> read = new LinkedHashSet<>();

	ConfigNode(String path, JsonNode node) {
		this.path = path;
		this.node = node;
		if (!node.isObject()) {
			throw new ConfigException(path, "expected a mapping, got " + describe(node));
		}
	}

	String path() {
		return this.path;
	}

	String child(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

	ConfigException error(String key, String reason) {
		return new ConfigException(child(key), reason);
	}

	@Nullable JsonNode raw(String key) {
		this.read.add(key);
		JsonNode value = this.node.get(key);
		if (value == null || value.isNull() || (value.isString() && "~".equals(value.asString()))) {
			return null;
		}
		return value;
	}

	@Nullable String string(String key) {
		JsonNode value = raw(key);
		if (value == null) {
			return null;
		}
		if (!value.isValueNode()) {
			throw error(key, "expected a string, got " + describe(value));
		}
		return value.asString();
	}

	String string(String key, String fallback) {
		String value = string(key);
		return (value != null) ? value : fallback;
	}

	@Nullable Boolean bool(String key) {
		String value = string(key);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on" -> true;
			case "false", "no", "off" -> false;
			default -> throw error(key, "expected true or false, got \"" + value + "\"");
		};
	}

	boolean bool(String key, boolean fallback) {
		Boolean value = bool(key);
		return (value != null) ? value : fallback;
	}

	int integer(String key, int fallback) {
		String value = string(key);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < 0) {
				throw error(key, "must not be negative, got " + parsed);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw error(key, "expected an integer, got \"" + value + "\"");
		}
	}

	@Nullable Duration duration(String key) {
		String value = string(key);
		if (value == null) {
			return null;
		}
		try {
			return PrometheusDuration.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw error(key, ex.getMessage());
		}
	}

	/** Returns the list under the key, or null when absent; scalars must be strings. */
	@Nullable List<String> strings(String key) {
		List<String> out = new ArrayList<>();
		List<JsonNode> items = list(key);
		if (items == null) {
			return null;
		}
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (!item.isValueNode() || item.isNull()) {
				throw new ConfigException(child(key) + "[" + i + "]", "expected a string, got " + describe(item));
			}
			out.add(item.asString());
		}
		return out;
	}

	List<String> strings(String key, List<String> fallback) {
		List<String> value = strings(key);
		return (value != null) ? value : fallback;
	}

	@Nullable List<JsonNode> list(String key) {
		JsonNode value = raw(key);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw error(key, "expected a list, got " + describe(value));
		}
		List<JsonNode> items = new ArrayList<>();
		value.forEach(items::add);
		return items;
	}

	/** Maps each element of the list under the key to a value, with its indexed path. */
	<T> List<T> objects(String key, Function<ConfigNode, T> mapper) {
		List<JsonNode> items = list(key);
		List<T> out = new ArrayList<>();
		if (items == null) {
			return out;
		}
		for (int i = 0; i < items.size(); i++) {
			out.add(mapper.apply(new ConfigNode(child(key) + "[" + i + "]", items.get(i))));
		}
		return out;
	}

	@Nullable ConfigNode object(String key) {
		JsonNode value = raw(key);
		return (value != null) ? new ConfigNode(child(key), value) : null;
	}

	/** Returns a string-to-string mapping under the key, empty when absent. */
	Map<String, String> stringMap(String key) {
		ConfigNode map = object(key);
		Map<String, String> out = new LinkedHashMap<>();
		if (map == null) {
			return out;
		}
		for (String name : map.keys()) {
			String value = map.string(name);
			out.put(name, (value != null) ? value : "");
		}
		return out;
	}

	List<String> keys() {
		List<String> keys = new ArrayList<>();
		this.node.propertyNames().forEach(keys::add);
		return keys;
	}

	/** Returns the keys present but never read. */
	List<String> unreadKeys() {
		return keys().stream().filter((key) -> !this.read.contains(key)).toList();
	}

	/**
	 * Fails on the first key present but never read, as Alertmanager's strict YAML does.
	 */
	void rejectUnknownKeys() {
		for (String key : unreadKeys()) {
			throw error(key, "field " + key + " not found in " + describeObject());
		}
	}

	private String describeObject() {
		return this.path.isEmpty() ? "the configuration" : this.path.replaceAll("\\[\\d+]$", "");
	}

	private static String describe(JsonNode node) {
		if (node.isObject()) {
			return "a mapping";
		}
		if (node.isArray()) {
			return "a list";
		}
		return "\"" + node.asString() + "\"";
	}

}
