package io.zgw.gateway.e2e;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.zgw.gateway.alerting.AlertingTestSupport;
import io.zgw.gateway.query.LabShards.LabShard;
import io.zgw.gateway.testsupport.RecordingReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E2e holds small helpers the end-to-end tests share.
 */
final class E2e {

	/**
	 * How long a notification may take from the change that causes it to the receiver.
	 */
	static final Duration DELIVERY = Duration.ofSeconds(60);

	/** The lab's seeded trapper item that drives {@link #TRIGGER}. */
	static final String ITEM = "errors.count";

	/** The lab's seeded trigger on {@link #ITEM}. */
	static final String TRIGGER = "High error count";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private E2e() {
	}

	/**
	 * Returns the database of one end-to-end test class: {@code $ZGW_IT_DB_<suffix>}, so
	 * that gateways of different classes (cached contexts stay alive) never compete for
	 * the same dispatch lease and outbox.
	 */
	static String database(String suffix) {
		return System.getenv().getOrDefault("ZGW_IT_DB", "zgw_it") + "_" + suffix;
	}

	/** Points the context's datasource at {@link #database(String)}. */
	static void useDatabase(DynamicPropertyRegistry registry, String suffix) {
		registry.add("spring.datasource.url",
				() -> "jdbc:mysql://127.0.0.1:3306/" + database(suffix) + "?createDatabaseIfNotExist=true");
	}

	/**
	 * Writes the lab's shards as {@code zgw.shards} to a config file readable only by its
	 * owner (secrets stay off the command line) and returns the argument that makes a
	 * gateway in a child process read it.
	 */
	static String shardConfigArgument(List<LabShard> shards) throws IOException {
		List<Map<String, String>> entries = shards.stream()
			.map((shard) -> Map.of("name", shard.name(), "url", shard.url(), "api-token", shard.apiToken(),
					"webhook-secret", shard.webhookSecret()))
			.toList();
		Path file = Files.createTempFile("zgw-e2e-shards-", ".yml",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		file.toFile().deleteOnExit();
		// JSON is YAML: Spring reads the file as a YAML document.
		Files.writeString(file, JSON.writeValueAsString(Map.of("zgw", Map.of("shards", entries))));
		return "--spring.config.additional-location=file:" + file;
	}

	/**
	 * Returns the firing alerts of a Zabbix trigger (any shard) from GET /api/v2/alerts.
	 */
	static List<JsonNode> alertsOfTrigger(AlertingTestSupport gateway, String triggerId) {
		HttpResponse<String> response = gateway.get("/api/v2/alerts?filter="
				+ URLEncoder.encode("zabbix_trigger_id=\"" + triggerId + "\"", StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false).toList();
	}

	/** Whether the webhook notification carries the alert with the given status. */
	static boolean carries(RecordingReceiver.Received received, String status, String fingerprint) {
		for (JsonNode alert : JSON.readTree(received.body()).path("alerts")) {
			if (fingerprint.equals(alert.path("fingerprint").asString())
					&& status.equals(alert.path("status").asString())) {
				return true;
			}
		}
		return false;
	}

}
