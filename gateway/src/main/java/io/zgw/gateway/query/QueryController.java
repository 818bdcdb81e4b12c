package io.zgw.gateway.query;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zgw.gateway.query.Acknowledger.Acknowledged;
import io.zgw.gateway.query.Downsampler.Aggregation;
import io.zgw.gateway.query.HistoryService.Series;
import io.zgw.gateway.query.Views.EventView;
import io.zgw.gateway.query.Views.HostView;
import io.zgw.gateway.query.Views.ItemView;
import io.zgw.gateway.query.Views.ProblemView;
import io.zgw.gateway.query.Views.TriggerView;
import io.zgw.gateway.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QueryController is the unified read API over all shards ({@code /api/v1/hosts},
 * {@code /items}, {@code /triggers}, {@code /problems}, {@code /events},
 * {@code /history}, {@code /trends}) and problem acknowledgement.
 */
@RestController
@RequestMapping("/api/v1")
class QueryController {

	private static final Set<String> HOST_PARAMS = Set.of("businessLine", "group", "host", "hostId", "tag", "limit",
			"cursor");

	private static final Set<String> ITEM_PARAMS = union(HOST_PARAMS, "itemId", "search");

	private static final Set<String> EVENT_PARAMS = union(HOST_PARAMS, "severity", "from", "to");

	private static final Set<String> HISTORY_PARAMS = Set.of("itemId", "from", "to", "step", "agg", "source", "limit");

	private static final Pattern STEP = Pattern.compile("([0-9]{1,9})([smhd]?)");

	private final ReadFiltersParser parser;

	private final QueryService queries;

	private final HistoryService history;

	private final Acknowledger acknowledger;

	private final QueryProperties properties;

	QueryController(ReadFiltersParser parser, QueryService queries, HistoryService history, Acknowledger acknowledger,
			QueryProperties properties) {
		this.parser = parser;
		this.queries = queries;
		this.history = history;
		this.acknowledger = acknowledger;
		this.properties = properties;
	}

	@GetMapping("/hosts")
	Envelope<HostView> hosts(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return this.queries.hosts(listing("hosts", params, HOST_PARAMS, request));
	}

	@GetMapping("/items")
	Envelope<ItemView> items(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return this.queries.items(listing("items", params, ITEM_PARAMS, request));
	}

	@GetMapping("/triggers")
	Envelope<TriggerView> triggers(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return this.queries.triggers(listing("triggers", params, EVENT_PARAMS, request));
	}

	@GetMapping("/problems")
	Envelope<ProblemView> problems(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return this.queries.problems(listing("problems", params, EVENT_PARAMS, request));
	}

	@GetMapping("/events")
	Envelope<EventView> events(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return this.queries.events(listing("events", params, EVENT_PARAMS, request));
	}

	@GetMapping("/history")
	Envelope<Series> history(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		return series("history", params, params.getOrDefault("source", List.of("auto")).get(0), request);
	}

	@GetMapping("/trends")
	Envelope<Series> trends(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
		if (params.containsKey("source")) {
			throw ApiException.badParameter("source", "/trends always reads trends; use /history?source=... instead");
		}
		return series("trends", params, "trends", request);
	}

	@PostMapping("/problems/{id}/acknowledge")
	Envelope<Acknowledged> acknowledge(@PathVariable String id, @RequestBody(required = false) AcknowledgeRequest body,
			HttpServletRequest request) {
		return this.acknowledger.acknowledge(this.parser.ownedId(id, "id", request), body);
	}

	private ReadFilters listing(String listing, MultiValueMap<String, String> params, Set<String> allowed,
			HttpServletRequest request) {
		return this.parser.parse(listing, params, allowed, this.properties.defaultLimit(), this.properties.maxLimit(),
				request);
	}

	private Envelope<Series> series(String listing, MultiValueMap<String, String> params, String source,
			HttpServletRequest request) {
		ReadFilters filters = this.parser.parse(listing, params, HISTORY_PARAMS, this.properties.maxPoints(),
				this.properties.maxPoints(), request);
		String step = params.getFirst("step");
		String agg = params.getFirst("agg");
		if (agg != null && step == null) {
			throw ApiException.badParameter("agg", "agg needs a step, e.g. step=5m&agg=max");
		}
		return this.history.series(filters, source, (step != null) ? stepSeconds(step) : null,
				(agg != null) ? Aggregation.parse(agg) : Aggregation.AVG);
	}

	private static long stepSeconds(String step) {
		Matcher matcher = STEP.matcher(step);
		if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
			throw ApiException.badParameter("step",
					"step must be a positive duration such as 60, 30s, 5m, 1h or 1d, got '" + step + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "m" -> amount * 60;
			case "h" -> amount * 3600;
			case "d" -> amount * 86400;
			default -> amount;
		};
	}

	private static Set<String> union(Set<String> base, String... more) {
		Set<String> all = new TreeSet<>(base);
		all.addAll(List.of(more));
		return Set.copyOf(all);
	}

}
