package io.zgw.gateway.query;

import java.util.List;
import java.util.Map;

import io.zgw.gateway.web.ApiException;
import io.zgw.sharding.Shard;
import io.zgw.sharding.ShardQualifiedId;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.fanout.FanOut;
import io.zgw.sharding.fanout.ShardOutcome;
import io.zgw.sharding.fanout.ShardedResult;
import io.zgw.sharding.zabbix.EventAcknowledge;
import io.zgw.sharding.zabbix.ZabbixApiException;
import org.springframework.http.HttpStatus;

/**
 * Acknowledger sends an acknowledgement to the shard that owns the problem, and only to
 * it, through the same deadline, bulkhead and breaker as every read.
 */
public final class Acknowledger {

	/** Zabbix's own limit on an acknowledgement message, in characters. */
	public static final int MAX_MESSAGE = 2048;

	private final ShardRegistry registry;

	private final FanOut fanOut;

	Acknowledger(ShardRegistry registry, FanOut fanOut) {
		this.registry = registry;
		this.fanOut = fanOut;
	}

	Envelope<Acknowledged> acknowledge(ShardQualifiedId problem, AcknowledgeRequest body) {
		if (body == null) {
			throw ApiException.badParameter("body",
					"a JSON body with message, acknowledge, close or severity is required");
		}
		if (!body.unknown().isEmpty()) {
			String field = body.unknown().keySet().iterator().next();
			throw ApiException.badParameter(field,
					"unknown field '" + field + "'; the body takes message, acknowledge, close and severity");
		}
		int action = 0;
		if (Boolean.TRUE.equals(body.close())) {
			action |= EventAcknowledge.CLOSE;
		}
		if (body.acknowledge() != null) {
			action |= body.acknowledge() ? EventAcknowledge.ACKNOWLEDGE : EventAcknowledge.UNACKNOWLEDGE;
		}
		if (body.message() != null && !body.message().isBlank()) {
			if (body.message().length() > MAX_MESSAGE) {
				// Zabbix would refuse it with its 422, which echoes the whole message.
				throw ApiException.badParameter("message",
						"message must be at most " + MAX_MESSAGE + " characters, got " + body.message().length());
			}
			action |= EventAcknowledge.MESSAGE;
		}
		Integer severity = null;
		if (body.severity() != null) {
			severity = ReadFiltersParser.severity(body.severity(), "severity");
			action |= EventAcknowledge.SEVERITY;
		}
		if (action == 0) {
			throw ApiException.badParameter("body", "nothing to do: set message, acknowledge, close: true or severity");
		}
		return send(problem, action, body.message(), severity);
	}

	/**
	 * Acknowledges the problem on its shard, or withdraws the acknowledgement, with a
	 * message: an alert from Zabbix acknowledged through the alert API.
	 * @throws ApiException 422 when Zabbix refuses, 502, 503 or 504 when the shard does
	 * not answer
	 */
	public void acknowledge(ShardQualifiedId problem, boolean acknowledge, String message) {
		send(problem, (acknowledge ? EventAcknowledge.ACKNOWLEDGE : EventAcknowledge.UNACKNOWLEDGE)
				| EventAcknowledge.MESSAGE, message, null);
	}

	private Envelope<Acknowledged> send(ShardQualifiedId problem, int action, String message, Integer severity) {
		// Only an alert stored before its shard left the configuration gets here.
		Shard owner = this.registry.find(problem.shard())
			.orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Conflict",
					"shard '" + problem.shard() + "' is no longer configured", Map.of("shard", problem.shard())));
		EventAcknowledge request = new EventAcknowledge(List.of(problem.id()), action,
				((action & EventAcknowledge.MESSAGE) != 0) ? message : null, severity);
		ShardedResult<EventAcknowledge.Result> result = this.fanOut.run(request.method(), List.of(owner),
				(shard) -> shard.client().execute(request));
		ShardOutcome<EventAcknowledge.Result> outcome = result.outcomes().get(owner.name());
		if (outcome.failure() instanceof ZabbixApiException refused) {
			// The shard is fine: Zabbix said no (no such event, not closable).
			throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Zabbix refused the acknowledgement",
					refused.detail(), Map.of("parameter", "id", "shard", owner.name()));
		}
		List<Acknowledged> data = outcome.ok() ? List.of(new Acknowledged(problem.toString(), problem.shard()))
				: List.of();
		return Envelope.of(data, result, null);
	}

	/** Acknowledged names the problem the owning shard updated. */
	record Acknowledged(String id, String shard) {
	}

}
