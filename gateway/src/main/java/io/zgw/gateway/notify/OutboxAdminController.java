package io.zgw.gateway.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.zgw.gateway.notify.outbox.FailedDeliveries;
import io.zgw.gateway.notify.outbox.FailedDeliveries.FailedDelivery;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OutboxAdminController is the admin API over notifications that failed for good:
 * {@code GET /api/v1/admin/outbox/failed} lists them with their last error, and
 * {@code POST /api/v1/admin/outbox/{id}/retry} sends one again. Outbox rows carry no
 * business line, so both need a key for every business line.
 */
@RestController
@RequestMapping("/api/v1/admin/outbox")
class OutboxAdminController {

	private static final int MAX_LIMIT = 1000;

	private final FailedDeliveries failed;

	OutboxAdminController(DSLContext dsl, ObjectProvider<Clock> clock) {
		this.failed = new FailedDeliveries(dsl, clock.getIfAvailable(Clock::systemUTC));
	}

	@GetMapping("/failed")
	List<FailedDelivery> failed(ApiPrincipal caller, @RequestParam(required = false) @Nullable String receiver,
			@RequestParam(defaultValue = "100") int limit) {
		requireEveryLine(caller);
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badParameter("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		return this.failed.latest(receiver, limit);
	}

	@PostMapping("/{id}/retry")
	Map<String, Object> retry(ApiPrincipal caller, @PathVariable long id) {
		requireEveryLine(caller);
		if (!this.failed.retry(id)) {
			throw ApiException.notFound("no failed outbox row with id " + id);
		}
		return Map.of("id", id, "state", "pending");
	}

	private static void requireEveryLine(ApiPrincipal caller) {
		if (!caller.seesAll()) {
			throw ApiException.forbidden("API key '" + caller.name()
					+ "' is limited to business lines; outbox rows are not, so this needs a key for all (*)");
		}
	}

}
