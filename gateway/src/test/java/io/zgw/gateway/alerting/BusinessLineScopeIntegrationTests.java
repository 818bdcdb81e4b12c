package io.zgw.gateway.alerting;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code GET /api/v2/alerts} lists only the business lines the caller's API
 * key may see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class BusinessLineScopeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void alertQueryListsOnlyBusinessLinesTheKeySees() {
		String run = UUID.randomUUID().toString();
		AlertingTestSupport admin = new AlertingTestSupport(this.port);
		for (String line : List.of("shop", "pay")) {
			assertThat(admin.post("/api/v2/alerts", """
					[{"labels":{"alertname":"Scoped","run":"%s","business_line":"%s"}}]
					""".formatted(run, line), Map.of()).statusCode()).isEqualTo(200);
		}
		String query = "/api/v2/alerts?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8);
		assertThat(businessLines(query, viewerKey(admin, "[\"shop\"]"))).containsExactly("shop");
		assertThat(businessLines(query, viewerKey(admin, "[\"shop\",\"pay\"]"))).containsExactlyInAnyOrder("shop",
				"pay");
		assertThat(businessLines(query, viewerKey(admin, "[\"other\"]"))).isEmpty();
		assertThat(businessLines(query, AlertingTestSupport.ADMIN_KEY)).containsExactlyInAnyOrder("shop", "pay");
	}

	private String viewerKey(AlertingTestSupport admin, String businessLines) {
		HttpResponse<String> created = admin.post("/api/v1/admin/keys", """
				{"name":"scope-%s","role":"viewer","businessLines":%s}
				""".formatted(UUID.randomUUID(), businessLines), Map.of());
		assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
		return this.json.readTree(created.body()).get("key").asString();
	}

	private List<String> businessLines(String path, String key) {
		HttpResponse<String> response = new AlertingTestSupport(this.port, key).get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body())
			.valueStream()
			.map((JsonNode alert) -> alert.get("labels").get("business_line").asString())
			.toList();
	}

}
