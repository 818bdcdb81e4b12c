package io.zgw.gateway.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.GatewayApplication;
import io.zgw.gateway.alerting.store.AlertReader;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every alert acknowledged with 200 survives closing the gateway: a new
 * gateway on the same database reads them all back.
 */
class DurabilityIntegrationTests {

	@Test
	void everyAcknowledgedAlertIsThereAfterRestart() {
		String run = UUID.randomUUID().toString();
		List<String> keys = new ArrayList<>();
		try (ConfigurableApplicationContext first = start()) {
			AlertingTestSupport http = new AlertingTestSupport(port(first));
			List<CompletableFuture<Integer>> posts = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String host = "durable-" + i;
				keys.add(
						AlertingTestSupport.key(LabelSet.of(Map.of("alertname", "Durable", "run", run, "host", host))));
				String body = "[{\"labels\":{\"alertname\":\"Durable\",\"run\":\"%s\",\"host\":\"%s\"}}]".formatted(run,
						host);
				posts
					.add(CompletableFuture.supplyAsync(() -> http.post("/api/v2/alerts", body, Map.of()).statusCode()));
			}
			assertThat(posts).allSatisfy((post) -> assertThat(post.join()).isEqualTo(200));
		}
		try (ConfigurableApplicationContext second = start()) {
			AlertReader reader = second.getBean(AlertReader.class);
			assertThat(keys).allSatisfy((key) -> assertThat(reader.find(key)).as(key).isPresent());
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(GatewayApplication.class).profiles("it", "alerting-it")
			.properties("server.port=0")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
