package io.zgw.gateway.security;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

	@ParameterizedTest(name = "{0} {1} needs {2}")
	@CsvSource(nullValues = "open", textBlock = """
			POST,   /api/v1/zabbix/events,          open
			GET,    /api/v1/zabbix/events,          VIEWER
			GET,    /actuator/health,               open
			GET,    /actuator/health/liveness,      open
			GET,    /actuator/prometheus,           open
			GET,    /actuator/info,                 VIEWER
			GET,    /actuator/env,                  VIEWER
			GET,    /api/v1/problems,               VIEWER
			HEAD,   /api/v1/problems,               VIEWER
			POST,   /api/v1/problems/shop:1/ack,    OPERATOR
			GET,    /api/v2/alerts,                 VIEWER
			POST,   /api/v2/alerts,                 OPERATOR
			DELETE, /api/v2/silence/abc,            OPERATOR
			GET,    /api/v1/admin/keys,             ADMIN
			DELETE, /api/v1/admin/keys/3,           ADMIN
			GET,    /api/v1/admin;x=1/keys,         ADMIN
			POST,   /-/reload,                      ADMIN
			GET,    /-/healthy,                     open
			HEAD,   /-/ready,                       open
			POST,   /-/ready,                       VIEWER
			GET,    /-/reload,                      VIEWER
			GET,    /,                              VIEWER
			PUT,    /anything/else,                 VIEWER
			""")
	void firstMatchingRuleDecidesTheRoleAndUnknownPathsNeedAKey(String method, String path, @Nullable Role expected) {
		AccessRule rule = AccessRules.DEFAULT.ruleFor(method, PathContainer.parsePath(path));
		assertThat(rule.requiredRole()).isEqualTo(expected);
	}

}
