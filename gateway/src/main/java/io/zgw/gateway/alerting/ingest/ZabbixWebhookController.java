package io.zgw.gateway.alerting.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;

import io.zgw.gateway.alerting.AlertingProperties;
import io.zgw.gateway.alerting.store.ZabbixEventStore;
import io.zgw.gateway.security.AuthFailures;
import io.zgw.gateway.security.BearerCredentials;
import io.zgw.gateway.web.ApiException;
import io.zgw.gateway.web.RequestBodies;
import io.zgw.sharding.ShardConfig;
import io.zgw.sharding.ShardRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ZabbixWebhookController is {@code POST /api/v1/zabbix/events}, where each shard's
 * Zabbix webhook media type delivers problems, recoveries and updates; it authenticates
 * the shard by its webhook secret and answers 200 once the event is committed.
 */
@RestController
class ZabbixWebhookController {

	static final String SHARD_HEADER = "X-Zgw-Shard";

	private final ShardRegistry shards;

	private final ZabbixEventMapper mapper;

	private final ZabbixEventStore store;

	private final JsonMapper json;

	private final Clock clock;

	private final AlertingProperties properties;

	private final AuthFailures failures;

	ZabbixWebhookController(ShardRegistry shards, ZabbixEventStore store, JsonMapper json, ObjectProvider<Clock> clock,
			AlertingProperties properties, AuthFailures failures) {
		this.shards = shards;
		this.failures = failures;
		this.mapper = new ZabbixEventMapper(properties, json);
		this.store = store;
		this.json = json;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.properties = properties;
	}

	// With a trailing slash too: media type URLs are typed by hand in Zabbix.
	@PostMapping({ "/api/v1/zabbix/events", "/api/v1/zabbix/events/" })
	Map<String, Object> receive(HttpServletRequest request) {
		ShardConfig shard = authenticate(request);
		var change = this.mapper.map(RequestBodies.readJson(request, this.properties.maxBodySize(), this.json), shard,
				this.clock.instant());
		ZabbixEventStore.Outcome outcome = this.store.apply(change);
		return Map.of("alertKey", outcome.alertKey(), "fingerprint", outcome.fingerprint(), "replay", outcome.replay());
	}

	private ShardConfig authenticate(HttpServletRequest request) {
		String name = request.getHeader(SHARD_HEADER);
		ShardConfig shard = (name != null) ? this.shards.config(name).orElse(null) : null;
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (shard == null || shard.webhookSecret() == null || shard.webhookSecret().isEmpty()) {
			this.failures.record(AuthFailures.Reason.WEBHOOK_UNKNOWN_SHARD);
			throw unauthorized("unknown shard in " + SHARD_HEADER + ", or no webhook-secret configured for it");
		}
		String secret = (authorization != null) ? BearerCredentials.token(authorization) : null;
		if (secret == null) {
			this.failures.record(AuthFailures.Reason.WEBHOOK_MISSING_SECRET);
			throw unauthorized("missing 'Authorization: Bearer <webhook secret>'");
		}
		// Comparing digests keeps the comparison constant-time whatever the lengths.
		if (!MessageDigest.isEqual(sha256(secret), sha256(shard.webhookSecret()))) {
			this.failures.record(AuthFailures.Reason.WEBHOOK_WRONG_SECRET);
			throw ApiException.forbidden("webhook secret does not match shard '" + shard.name() + "'");
		}
		return shard;
	}

	private static ApiException unauthorized(String detail) {
		return ApiException.unauthorized(BearerCredentials.CHALLENGE, detail);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
