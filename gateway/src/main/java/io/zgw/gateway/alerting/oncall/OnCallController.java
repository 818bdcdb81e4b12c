package io.zgw.gateway.alerting.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OnCallController is zgw's {@code GET /api/v1/oncall}: who each on-call schedule of the
 * routing file puts on call now, or at the instant {@code at} (RFC 3339), until when and
 * who (or nobody) comes next, looking {@link OnCallCoverage#LOOKAHEAD} ahead, so a
 * handoff or an override can be checked before it matters; and {@code GET
 * /api/v1/oncall/{schedule}/shifts}: who a schedule puts on call span by span between two
 * instants (by default the next 7 days, at most 31), so an imported calendar can be
 * checked against what its service shows.
 */
@RestController
class OnCallController {

	// The longest span shifts are listed for: a month, scanned to the minute.
	private static final Duration MAX_SHIFTS_SPAN = Duration.ofDays(31);

	private final RoutingFile routing;

	private final Clock clock;

	OnCallController(RoutingFile routing, ObjectProvider<Clock> clock) {
		this.routing = routing;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/v1/oncall")
	Map<String, Object> onCall(@RequestParam(required = false) @Nullable String at) {
		Instant instant = (at != null) ? parse("at", at) : this.clock.instant();
		List<Map<String, Object>> schedules = new ArrayList<>();
		for (OnCallSchedule schedule : this.routing.config().schedules().values()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("name", schedule.name());
			json.put("onCall", schedule.onCall(instant).orElse(null));
			OnCallSchedule.Handoff handoff = schedule.nextHandoff(instant, instant.plus(OnCallCoverage.LOOKAHEAD))
				.orElse(null);
			json.put("until", (handoff != null) ? handoff.at().toString() : null);
			json.put("next", (handoff != null) ? handoff.receiver().orElse(null) : null);
			schedules.add(json);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("at", instant.toString());
		body.put("schedules", schedules);
		return body;
	}

	@GetMapping("/api/v1/oncall/{schedule}/shifts")
	Map<String, Object> shifts(@PathVariable String schedule, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		OnCallSchedule found = this.routing.config().schedules().get(schedule);
		if (found == null) {
			throw ApiException.notFound("no on-call schedule '" + schedule + "' in the routing file");
		}
		Instant start = (from != null) ? parse("from", from) : this.clock.instant();
		Instant end = (to != null) ? parse("to", to) : start.plus(OnCallCoverage.LOOKAHEAD);
		if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_SHIFTS_SPAN) > 0) {
			throw ApiException.badParameter("to", "to must be after from, by at most " + MAX_SHIFTS_SPAN.toDays()
					+ " days, got from " + start + " to " + end);
		}
		List<Map<String, Object>> shifts = new ArrayList<>();
		for (OnCallSchedule.Shift shift : found.shifts(start, end)) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("onCall", shift.receiver().orElse(null));
			json.put("from", shift.from().toString());
			json.put("to", shift.to().toString());
			shifts.add(json);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", schedule);
		body.put("shifts", shifts);
		return body;
	}

	private static Instant parse(String parameter, String value) {
		try {
			// An unencoded '+' of an offset arrives as a space.
			return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(parameter,
					parameter + " must be an RFC 3339 time such as 2026-12-24T18:00:00+01:00, got '" + value + "'");
		}
	}

}
