package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that ingestion answers 503 when MySQL is unreachable, with a context pointed at a
 * port where nothing listens (the shared MariaDB must not be stopped).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:mysql://127.0.0.1:3399/nothing_listens",
				"spring.flyway.enabled=false", "spring.datasource.hikari.connection-timeout=500",
				"spring.datasource.hikari.initialization-fail-timeout=-1" })
@ActiveProfiles({ "it", "alerting-it" })
class StoreUnavailableIntegrationTests {

	@LocalServerPort
	int port;

	AlertingTestSupport http;

	@BeforeEach
	void setUp() {
		this.http = new AlertingTestSupport(this.port);
	}

	@Test
	void postedAlertGets503WhenMysqlIsDown() {
		HttpResponse<String> response = this.http.post("/api/v2/alerts", "[{\"labels\":{\"alertname\":\"X\"}}]",
				Map.of());
		assertUnavailable(response);
	}

	@Test
	void zabbixEventGets503WhenMysqlIsDown() {
		HttpResponse<String> response = this.http.post("/api/v1/zabbix/events",
				ZabbixWebhookIntegrationTests.problem("shop", 42),
				Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret"));
		assertUnavailable(response);
	}

	@Test
	void alertQueryGets503WhenMysqlIsDown() {
		assertUnavailable(this.http.get("/api/v2/alerts"));
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

}
