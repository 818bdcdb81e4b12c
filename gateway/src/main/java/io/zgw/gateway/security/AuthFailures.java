package io.zgw.gateway.security;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * AuthFailures counts refused credentials, {@code zgw_auth_failures_total{reason}} in
 * Prometheus: API keys the filter refuses (401, or 403 for a role too low), keys an
 * endpoint refuses for business lines outside their scope (403), and Zabbix webhook posts
 * whose shard or secret is wrong. Every reason's series exists from start-up at 0, so a
 * rate is defined at once and an alert on it needs no {@code absent()}. No label carries
 * what the caller sent (a key, a shard name from a header): the series stay few whatever
 * arrives.
 */
@Component
public class AuthFailures {

	/** The counter's Micrometer name. */
	public static final String METRIC = "zgw.auth.failures";

	/** Why credentials were refused; the {@code reason} tag is the lower-case name. */
	public enum Reason {

		/** No Authorization header on an endpoint that needs an API key (401). */
		MISSING_KEY,

		/** An Authorization header that is not {@code Bearer <key>} (401). */
		MALFORMED_HEADER,

		/** A key that is unknown, revoked or expired (401). */
		UNKNOWN_KEY,

		/** A valid key whose role is too low for the endpoint (403). */
		ROLE,

		/**
		 * A valid key refused by the endpoint for business lines outside the key's scope
		 * (403).
		 */
		SCOPE,

		/**
		 * A Zabbix webhook post naming no configured shard, or one without a secret
		 * (401).
		 */
		WEBHOOK_UNKNOWN_SHARD,

		/** A Zabbix webhook post without {@code Authorization: Bearer <secret>} (401). */
		WEBHOOK_MISSING_SECRET,

		/** A Zabbix webhook post whose secret is not its shard's (403). */
		WEBHOOK_WRONG_SECRET;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

	AuthFailures(MeterRegistry registry) {
		for (Reason reason : Reason.values()) {
			this.counters.put(reason,
					Counter.builder(METRIC)
						.description("Credentials refused, by reason")
						.tag("reason", reason.tag())
						.register(registry));
		}
	}

	/** Counts one refusal. */
	public void record(Reason reason) {
		this.counters.get(reason).increment();
	}

}
