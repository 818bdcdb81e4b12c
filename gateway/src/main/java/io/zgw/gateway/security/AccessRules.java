package io.zgw.gateway.security;

import java.util.List;
import java.util.Set;

import org.springframework.http.server.PathContainer;

import static io.zgw.gateway.security.AccessRule.ANY;
import static io.zgw.gateway.security.AccessRule.READ;
import static io.zgw.gateway.security.AccessRule.open;
import static io.zgw.gateway.security.AccessRule.require;

/**
 * AccessRules is the one table saying which role each request needs; the first matching
 * rule wins, and a request no rule matches needs a viewer key (deny by default). Adding a
 * path is adding one line to {@link #DEFAULT}.
 */
final class AccessRules {

	/** The gateway's rules. */
	static final AccessRules DEFAULT = new AccessRules(List.of(
			// Zabbix webhooks: the controller checks the per-shard webhook secret
			// instead.
			open(Set.of("POST"), "/api/v1/zabbix/events"), open(Set.of("POST"), "/api/v1/zabbix/events/"),
			open(READ, "/actuator/health/**"), open(READ, "/actuator/prometheus"), open(READ, "/-/healthy"),
			open(READ, "/-/ready"), require(Role.ADMIN, ANY, "/api/v1/admin/**"),
			require(Role.ADMIN, Set.of("POST"), "/-/reload"), require(Role.VIEWER, READ, "/api/**"),
			require(Role.OPERATOR, ANY, "/api/**"), require(Role.VIEWER, ANY, "/**")));

	private static final AccessRule FALLBACK = require(Role.VIEWER, ANY, "/**");

	private final List<AccessRule> rules;

	AccessRules(List<AccessRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Returns the first rule matching the request, or a viewer rule if none does. */
	AccessRule ruleFor(String method, PathContainer pathWithinApplication) {
		for (AccessRule rule : this.rules) {
			if (rule.matches(method, pathWithinApplication)) {
				return rule;
			}
		}
		return FALLBACK;
	}

}
