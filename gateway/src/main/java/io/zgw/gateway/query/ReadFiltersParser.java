package io.zgw.gateway.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.zgw.gateway.shard.VisibleBusinessLines;
import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.Shard;
import io.zgw.sharding.ShardQualifiedId;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.zabbix.TagFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.MultiValueMap;

/**
 * ReadFiltersParser turns query parameters into {@link ReadFilters}; anything wrong is a
 * 400 naming the parameter, a business line the caller may not see is a 403.
 */
final class ReadFiltersParser {

	private static final List<String> SEVERITIES = List.of("not_classified", "information", "warning", "average",
			"high", "disaster");

	// The parameters that take several values (repeated or comma-separated).
	private static final Set<String> LISTS = Set.of("hostId", "itemId", "businessLine", "group", "host", "tag",
			"severity");

	private final ShardRegistry registry;

	private final VisibleBusinessLines visibility;

	ReadFiltersParser(ShardRegistry registry, VisibleBusinessLines visibility) {
		this.registry = registry;
		this.visibility = visibility;
	}

	/**
	 * Parses the {@code params} of the endpoint {@code listing}; parameters outside
	 * {@code allowed} are rejected.
	 */
	ReadFilters parse(String listing, MultiValueMap<String, String> params, Set<String> allowed, int defaultLimit,
			int maxLimit, HttpServletRequest request) {
		for (Map.Entry<String, List<String>> param : params.entrySet()) {
			String name = param.getKey();
			if (!allowed.contains(name)) {
				throw ApiException.badParameter(name,
						"unknown parameter '" + name + "'; this endpoint takes " + String.join(", ", allowed));
			}
			// A typo must not widen a query: an empty value would filter nothing, and a
			// second value of a one-value parameter would be ignored.
			if (param.getValue().stream().anyMatch(String::isBlank)) {
				throw ApiException.badParameter(name, name + " is empty; leave it out to filter nothing");
			}
			if (param.getValue().size() > 1 && !LISTS.contains(name)) {
				throw ApiException.badParameter(name,
						name + " is given " + param.getValue().size() + " times; it takes one value");
			}
		}
		Map<String, List<String>> hostIds = qualifiedIds(values(params, "hostId"), "hostId", request);
		Map<String, List<String>> itemIds = qualifiedIds(values(params, "itemId"), "itemId", request);
		List<Shard> shards = shards(values(params, "businessLine"), request);
		if (!hostIds.isEmpty() || !itemIds.isEmpty()) {
			// Ids are routed to their owning shards only.
			shards = shards.stream()
				.filter((s) -> hostIds.containsKey(s.name()) || itemIds.containsKey(s.name()))
				.toList();
		}
		Long from = time(params.getFirst("from"), "from");
		Long to = time(params.getFirst("to"), "to");
		if (from != null && to != null && from > to) {
			throw ApiException.badParameter("from", "from (" + Instant.ofEpochSecond(from) + ") must not be after to ("
					+ Instant.ofEpochSecond(to) + ")");
		}
		String cursor = params.getFirst("cursor");
		return new ReadFilters(listing, shards, values(params, "group"), values(params, "host"), hostIds, itemIds,
				tags(values(params, "tag")), severities(values(params, "severity")), params.getFirst("search"), from,
				to, limit(params.getFirst("limit"), defaultLimit, maxLimit),
				(cursor != null) ? PageKey.decode(cursor, listing) : null);
	}

	/**
	 * Returns the shard a shard-qualified id routes to, checking it exists and is
	 * visible.
	 */
	ShardQualifiedId ownedId(String text, String parameter, HttpServletRequest request) {
		ShardQualifiedId id;
		try {
			id = ShardQualifiedId.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badParameter(parameter, ex.getMessage());
		}
		if (this.registry.find(id.shard()).isEmpty()) {
			throw ApiException.badParameter(parameter, "id '" + text + "' names unknown shard '" + id.shard() + "'");
		}
		checkVisible(id.shard(), request);
		return id;
	}

	/** Parses {@code severity} values: 0-5 or names such as {@code high}. */
	static List<Integer> severities(List<String> values) {
		List<Integer> severities = new ArrayList<>();
		for (String value : values) {
			severities.add(severity(value, "severity"));
		}
		return severities;
	}

	/** Parses one severity: 0-5 or a name such as {@code high}. */
	static int severity(String value, String parameter) {
		int byName = SEVERITIES.indexOf(value.toLowerCase(Locale.ROOT));
		if (byName >= 0) {
			return byName;
		}
		if (value.matches("[0-5]")) {
			return Integer.parseInt(value);
		}
		throw ApiException.badParameter(parameter,
				parameter + " must be 0-5 or one of " + String.join(", ", SEVERITIES) + ", got '" + value + "'");
	}

	private List<Shard> shards(List<String> businessLines, HttpServletRequest request) {
		if (businessLines.isEmpty()) {
			return this.registry.shards().stream().filter((s) -> this.visibility.canSee(request, s.name())).toList();
		}
		List<Shard> shards = new ArrayList<>();
		for (String line : new LinkedHashSet<>(businessLines)) {
			Shard shard = this.registry.find(line)
				.orElseThrow(() -> ApiException.badParameter("businessLine", "unknown business line '" + line + "'"));
			checkVisible(line, request);
			shards.add(shard);
		}
		return shards;
	}

	private void checkVisible(String businessLine, HttpServletRequest request) {
		if (!this.visibility.canSee(request, businessLine)) {
			throw ApiException.forbidden("this API key may not see business line '" + businessLine + "'");
		}
	}

	private Map<String, List<String>> qualifiedIds(List<String> values, String parameter, HttpServletRequest request) {
		Map<String, List<String>> byShard = new LinkedHashMap<>();
		for (String value : values) {
			ShardQualifiedId id = ownedId(value, parameter, request);
			byShard.computeIfAbsent(id.shard(), (s) -> new ArrayList<>()).add(id.id());
		}
		return byShard;
	}

	private static List<TagFilter> tags(List<String> values) {
		List<TagFilter> tags = new ArrayList<>();
		for (String value : values) {
			int colon = value.indexOf(':');
			String name = (colon < 0) ? value : value.substring(0, colon);
			if (name.isBlank()) {
				throw ApiException.badParameter("tag", "tag must be 'name' or 'name:value', got '" + value + "'");
			}
			tags.add((colon < 0) ? TagFilter.exists(name) : TagFilter.equal(name, value.substring(colon + 1)));
		}
		return tags;
	}

	private static Long time(String value, String parameter) {
		if (value == null) {
			return null;
		}
		if (value.matches("[0-9]{1,12}")) {
			return Long.parseLong(value);
		}
		try {
			return Instant.parse(value).getEpochSecond();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(parameter,
					parameter + " must be epoch seconds or an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '"
							+ value + "'");
		}
	}

	private static int limit(String value, int defaultLimit, int maxLimit) {
		if (value == null) {
			return defaultLimit;
		}
		int limit;
		try {
			limit = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badParameter("limit", "limit must be a whole number, got '" + value + "'");
		}
		if (limit < 1 || limit > maxLimit) {
			throw ApiException.badParameter("limit", "limit must be between 1 and " + maxLimit + ", got " + limit);
		}
		return limit;
	}

	private static List<String> values(MultiValueMap<String, String> params, String name) {
		List<String> values = new ArrayList<>();
		for (String raw : params.getOrDefault(name, List.of())) {
			for (String part : raw.split(",", -1)) {
				if (part.isBlank()) {
					throw ApiException.badParameter(name, name + " has an empty value in '" + raw + "'");
				}
				values.add(part.trim());
			}
		}
		return values;
	}

}
