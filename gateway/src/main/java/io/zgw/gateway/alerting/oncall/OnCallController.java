package io.zgw.gateway.alerting.oncall;

import java.time.Clock;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OnCallController is zgw's {@code GET /api/v1/oncall}: who each on-call schedule of the
 * routing file puts on call now, or at the instant {@code at} (RFC 3339), until when and
 * who (or nobody) comes next, looking {@link OnCallCoverage#LOOKAHEAD} ahead, so a
 * handoff or an override can be checked before it matters.
 */
@RestController
class OnCallController {

	private final RoutingFile routing;

	private final Clock clock;

	OnCallController(RoutingFile routing, ObjectProvider<Clock> clock) {
		this.routing = routing;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/api/v1/oncall")
	Map<String, Object> onCall(@RequestParam(required = false) @Nullable String at) {
		Instant instant = (at != null) ? parse(at) : this.clock.instant();
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

	private static Instant parse(String at) {
		try {
			// An unencoded '+' of an offset arrives as a space.
			return OffsetDateTime.parse(at.replace(' ', '+')).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter("at",
					"at must be an RFC 3339 time such as 2026-12-24T18:00:00+01:00, got '" + at + "'");
		}
	}

}
