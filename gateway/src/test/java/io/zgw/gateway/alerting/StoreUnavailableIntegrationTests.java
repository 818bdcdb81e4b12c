package io.zgw.gateway.alerting;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.alerts.model.LabelSet;
import io.zgw.gateway.alerting.store.AlertReader;
import io.zgw.gateway.alerting.store.AlertUpsert;
import io.zgw.gateway.alerting.store.AlertWriter;
import io.zgw.gateway.alerting.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the alert store reports MySQL being unreachable as "unavailable" (503), with
 * a context pointed at a port where nothing listens (the shared MariaDB must not be
 * stopped): the open Zabbix webhook, the key-authenticated Alertmanager API (whose key
 * lookup needs MySQL too), and the writer and reader directly. The context stands for a
 * gateway whose MySQL went away after start (a gateway cannot start without it: Flyway
 * migrates, and Quartz stores its jobs), so neither runs here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:mysql://127.0.0.1:3399/nothing_listens",
				"spring.flyway.enabled=false",
				"spring.autoconfigure.exclude=org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
				"spring.datasource.hikari.connection-timeout=500",
				"spring.datasource.hikari.initialization-fail-timeout=-1", "zgw.security.bootstrap-admin-key=" })
@ActiveProfiles({ "it", "alerting-it" })
class StoreUnavailableIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AlertWriter writer;

	@Autowired
	AlertReader reader;

	@Autowired
	MeterRegistry meters;

	@Test
	void zabbixEventGets503ProblemWithRetryAfterWhenMysqlIsDown() {
		Counter failed = this.meters.counter(AlertingMetrics.ALERTS_REFUSED, "reason", "store_failed");
		double before = failed.count();
		HttpResponse<String> response = new AlertingTestSupport(this.port).post("/api/v1/zabbix/events",
				ZabbixWebhookIntegrationTests.problem("shop", 42),
				Map.of("X-Zgw-Shard", "shop", "Authorization", "Bearer shop-secret"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(failed.count()).isEqualTo(before + 1);
	}

	@Test
	void alertmanagerPostGets503ProblemWhenKeysCannotBeChecked() {
		HttpResponse<String> response = new AlertingTestSupport(this.port).post("/api/v2/alerts",
				"[{\"labels\":{\"alertname\":\"X\"}}]",
				Map.of("Authorization", "Bearer zgw_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).contains("database is unreachable");
	}

	@Test
	void queuedAlertFailsAsUnavailableWhenMysqlIsDown() {
		CompletableFuture<Void> commit = this.writer.submit(new AlertUpsert(LabelSet.of(Map.of("alertname", "X")),
				Map.of(), "", Instant.now(), Instant.now().plusSeconds(300), false));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> commit.get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(StoreUnavailableException.class);
	}

	@Test
	void alertQueryFailsAsUnavailableWhenMysqlIsDown() {
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.reader.firingAt(Instant.now()));
	}

}
