package io.zgw.gateway.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.zgw.sharding.zabbix.ZabbixClient;
import io.zgw.sharding.zabbix.ZabbixClientSettings;
import io.zgw.sharding.zabbix.ZabbixCredentials;
import io.zgw.sharding.zabbix.ZabbixException;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * LabShards reads the running Zabbix lab from {@code $ZGW_LAB_DIR/shards.json} (default
 * {@code <repo>/.lab}) and fails with a clear message when it is not up.
 */
public final class LabShards {

	private LabShards() {
	}

	public static List<LabShard> load() {
		Path dir = (System.getenv("ZGW_LAB_DIR") != null) ? Path.of(System.getenv("ZGW_LAB_DIR"))
				: repoRoot().resolve(".lab");
		Path file = dir.resolve("shards.json");
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("The Zabbix lab is not up: " + file
					+ " is missing. Start it with `lab/zgw-lab up`, or point ZGW_LAB_DIR at a running lab"
					+ " (e.g. ZGW_LAB_DIR=/work/main/.lab).");
		}
		List<LabShard> shards;
		try {
			shards = JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(Files.readString(file), new TypeReference<List<LabShard>>() {
				});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
		for (LabShard shard : shards) {
			try {
				shard.client().ping();
			}
			catch (ZabbixException ex) {
				throw new IllegalStateException("The Zabbix lab is not up: shard " + shard.name() + " at " + shard.url()
						+ " does not answer (" + ex.getMessage() + "). Run `lab/zgw-lab status`.", ex);
			}
		}
		return shards;
	}

	/**
	 * Registers the lab's shards as {@code zgw.shards[i]} with the given per-shard
	 * deadline.
	 */
	public static void register(DynamicPropertyRegistry registry, List<LabShard> shards, Duration timeout) {
		for (int i = 0; i < shards.size(); i++) {
			LabShard shard = shards.get(i);
			registry.add("zgw.shards[" + i + "].name", shard::name);
			registry.add("zgw.shards[" + i + "].url", shard::url);
			registry.add("zgw.shards[" + i + "].api-token", shard::apiToken);
			registry.add("zgw.shards[" + i + "].webhook-secret", shard::webhookSecret);
			registry.add("zgw.shards[" + i + "].timeout", timeout::toString);
		}
	}

	private static Path repoRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("sharding"))) {
			dir = dir.getParent();
		}
		return (dir != null) ? dir : Path.of("").toAbsolutePath();
	}

	/**
	 * LabShard is one entry of the lab's {@code shards.json}; {@code serverPort} is the
	 * shard's trapper (sender protocol) port and {@code db} its Zabbix database.
	 */
	public record LabShard(String name, String url, String apiToken, int serverPort, String db, long frontendPid,
			String webhookSecret) {

		/**
		 * Returns a client that talks to this shard directly, not through the gateway.
		 */
		public ZabbixClient client() {
			return new ZabbixClient(new ZabbixClientSettings(this.name, java.net.URI.create(this.url),
					new ZabbixCredentials.ApiToken(this.apiToken), Duration.ofSeconds(2), Duration.ofSeconds(10),
					ZabbixClientSettings.DEFAULT_MAX_RESPONSE_BYTES));
		}

		/**
		 * Freezes the shard's frontend ({@code kill -STOP}) until the returned handle is
		 * closed.
		 */
		Hang hang() throws IOException, InterruptedException {
			signal("-STOP");
			return () -> signal("-CONT");
		}

		private void signal(String signal) throws IOException, InterruptedException {
			Process kill = new ProcessBuilder("kill", signal, Long.toString(this.frontendPid)).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill " + signal + " " + this.frontendPid + " failed");
			}
		}

		@Override
		public String toString() {
			return "LabShard[" + this.name + " " + this.url + "]";
		}

	}

	/** Hang resumes a frozen shard when closed. */
	interface Hang extends AutoCloseable {

		@Override
		void close() throws IOException, InterruptedException;

	}

}
