package io.zgw.gateway.alerting;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.zgw.gateway.alerting.amapi.BusinessLineScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code GET /api/v2/alerts} lists only the business lines the caller may see,
 * through the {@link BusinessLineScope} seam (here a test scope read from a header, until
 * the security module's principal is wired).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "it", "alerting-it" })
class BusinessLineScopeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void alertQueryListsOnlyVisibleBusinessLines() throws Exception {
		String run = UUID.randomUUID().toString();
		AlertingTestSupport http = new AlertingTestSupport(this.port);
		for (String line : List.of("shop", "pay")) {
			assertThat(http.post("/api/v2/alerts", """
					[{"labels":{"alertname":"Scoped","run":"%s","business_line":"%s"}}]
					""".formatted(run, line), Map.of()).statusCode()).isEqualTo(200);
		}
		String query = "/api/v2/alerts?filter=" + URLEncoder.encode("run=\"" + run + "\"", StandardCharsets.UTF_8);
		assertThat(businessLines(query, "shop")).containsExactly("shop");
		assertThat(businessLines(query, "shop,pay")).containsExactlyInAnyOrder("shop", "pay");
		assertThat(businessLines(query, "none")).isEmpty();
	}

	private List<String> businessLines(String path, String visible) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("X-Test-Business-Lines", visible)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body())
			.valueStream()
			.map((JsonNode alert) -> alert.get("labels").get("business_line").asString())
			.toList();
	}

	@TestConfiguration
	static class HeaderScope {

		@Bean
		@Primary
		BusinessLineScope headerBusinessLineScope() {
			return (request) -> Set.of(request.getHeader("X-Test-Business-Lines").split(","))::contains;
		}

	}

}
