package io.zgw.gateway.alerting.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.ingest.PostableAlertParser.Parsed;
import io.zgw.gateway.alerting.routing.RoutingFile;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.AlertWriter;
import io.zgw.gateway.alerting.store.StoreUnavailableException;
import io.zgw.gateway.security.ApiPrincipal;
import io.zgw.gateway.web.ApiException;
import io.zgw.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * AlertmanagerIngestController is Alertmanager API v2's {@code POST /api/v2/alerts}: it
 * answers only once every valid posted alert is committed to the store, 200 when all were
 * valid, as Alertmanager 0.25 a 400 naming the invalid ones otherwise, and a 403 naming
 * an alert of a business line the key may not post for.
 */
@RestController
class AlertmanagerIngestController {

	private final PostableAlertParser parser;

	private final AlertWriter writer;

	private final JsonMapper json;

	private final Clock clock;

	private final AlertingProperties properties;

	AlertmanagerIngestController(AlertWriter writer, JsonMapper json, ObjectProvider<Clock> clock,
			AlertingProperties properties, RoutingFile routing) {
		this.parser = new PostableAlertParser(properties, routing);
		this.writer = writer;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.properties = properties;
	}

	// A void handler with a fixed status: Spring MVC then skips return-value handling and
	// content negotiation, which took 7 % of a request thread's CPU for an empty 200.
	@PostMapping("/api/v2/alerts")
	@ResponseStatus(HttpStatus.OK)
	void post(ApiPrincipal principal, HttpServletRequest request) {
		// A body over the size limit (413), not JSON or not an array (400) is
		// refused whole: there are no alerts to tell apart. An invalid alert is
		// only set aside: Prometheus never resends a batch it got a 4xx for, so
		// refusing the batch would lose its valid alerts at every resend.
		Parsed parsed = this.parser.parse(RequestBodies.readJson(request, this.properties.maxBodySize(), this.json),
				this.clock.instant());
		// A key limited to some business lines may only post alerts labelled with one of
		// them. An alert of another line is set aside like an invalid one, for the same
		// reason: a rule relabelled into another line must not lose the key's own
		// alerts that share its batch.
		List<AlertUpsert> visible = new ArrayList<>();
		@Nullable ApiException forbidden = null;
		for (int i = 0; i < parsed.alerts().size(); i++) {
			AlertUpsert alert = parsed.alerts().get(i);
			String line = alert.labels().get("business_line");
			if (principal.canSee(line)) {
				visible.add(alert);
			}
			else if (forbidden == null) {
				forbidden = new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
						"API key '" + principal.name() + "' may not post alerts for business line '" + line + "'",
						Map.of("parameter", "alerts[" + parsed.bodyIndex(i) + "].labels.business_line"));
			}
		}
		// A 503 (store unavailable) wins over the 403 and the 400: nothing is claimed
		// stored.
		await(this.writer.submitAll(visible));
		if (forbidden != null) {
			throw forbidden;
		}
		parsed.requireAllValid();
	}

	private void await(CompletableFuture<Void> commit) {
		try {
			commit.get(this.properties.writer().commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof StoreUnavailableException unavailable) {
				throw unavailable;
			}
			throw new StoreUnavailableException("alert store failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new StoreUnavailableException("alert store did not confirm the commit in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while waiting for the commit", ex);
		}
	}

}
