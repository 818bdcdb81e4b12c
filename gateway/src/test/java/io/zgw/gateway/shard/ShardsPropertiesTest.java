package io.zgw.gateway.shard;

import java.util.Arrays;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zgw.sharding.ShardRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ShardsPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ShardConfiguration.class)
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("zgw.shards[0].name=shop", "zgw.shards[0].url=http://127.0.0.1:18001/api_jsonrpc.php",
				"zgw.shards[0].api-token=secret-token-0");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "name=shop;api-token=t1 | zgw.shards[1].name 'shop' is already used by zgw.shards[0]",
					"name=Pay!;api-token=t1 | zgw.shards[1].name must match",
					"url=ftp://example;api-token=t1 | zgw.shards[1].url must be an http(s) URL",
					"url=;api-token=t1 | zgw.shards[1].url is missing",
					"timeout=0s;api-token=t1 | zgw.shards[1].timeout must be positive",
					"password=s3cret | zgw.shards[1].api-token is missing",
					"username=gw | zgw.shards[1].password is missing for username 'gw'" })
	void badShardRefusesToStartNamingTheKey(String overrides, String message) {
		String[] properties = Arrays.stream(overrides.split(";"))
			.map((override) -> "zgw.shards[1]." + override)
			.toArray(String[]::new);
		this.runner
			.withPropertyValues("zgw.shards[1].name=pay", "zgw.shards[1].url=http://127.0.0.1:18002/api_jsonrpc.php")
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidShardConfigException.class)
					.hasMessageStartingWith(message)
					.hasMessageNotContaining("s3cret")
					.hasMessageNotContaining("secret-token");
			});
	}

	@Test
	void inconsistentBreakerSettingsRefuseToStartNamingTheKeys() {
		this.runner.withPropertyValues("zgw.fanout.minimum-number-of-calls=20", "zgw.fanout.sliding-window-size=10")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("zgw.fanout.minimum-number-of-calls (20)")
				.hasMessageContaining("zgw.fanout.sliding-window-size (10)"));
	}

	@Test
	void validShardsBuildTheRegistryInConfigurationOrder() {
		this.runner
			.withPropertyValues("zgw.shards[1].name=pay", "zgw.shards[1].url=https://pay.example/api_jsonrpc.php",
					"zgw.shards[1].username=gw", "zgw.shards[1].password=s3cret", "zgw.shards[1].timeout=2s",
					"zgw.shards[1].labels.region=eu")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ShardRegistry registry = context.getBean(ShardRegistry.class);
				assertThat(registry.names()).containsExactly("shop", "pay");
				assertThat(registry.config("pay").orElseThrow().timeout()).hasSeconds(2);
				assertThat(registry.config("pay").orElseThrow().labels()).containsEntry("region", "eu");
				assertThat(registry.config("pay").orElseThrow().toString()).doesNotContain("s3cret");
			});
	}

}
