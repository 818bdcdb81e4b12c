package io.zgw.sharding.zabbix;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZabbixClientTest {

	private static final String TOKEN = "c0ffee0123456789c0ffee0123456789c0ffee0123456789c0ffee0123456789";

	private static final String HOSTS = "[{\"hostid\":\"10559\",\"host\":\"web-1\",\"name\":\"Web 1\",\"status\":\"0\","
			+ "\"groups\":[{\"groupid\":\"22\",\"name\":\"Shop\"}],\"tags\":[{\"tag\":\"env\",\"value\":\"prod\"}]}]";

	@ParameterizedTest
	@CsvSource({ "6.0.14, false", "6.2.9, false", "6.4.0, true", "7.0.5, true" })
	void tokenIsPlacedByVersionInBodyUpTo62AndInBearerHeaderFrom64(String version, boolean bearer) throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix(version)) {
			zabbix.answer("host.get", (request) -> FakeZabbix.result(request, HOSTS));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 1_000_000);

			client.execute(new HostGet(null, null, null, null, 10));

			FakeZabbix.Received call = zabbix.calls("host.get").get(0);
			if (bearer) {
				assertThat(call.authorizationHeader()).isEqualTo("Bearer " + TOKEN);
				assertThat(call.bodyAuth()).isNull();
			}
			else {
				assertThat(call.bodyAuth()).isEqualTo(TOKEN);
				assertThat(call.authorizationHeader()).isNull();
			}
		}
	}

	@Test
	void versionIsReadOnceWithoutCredentialsAndTypedResultsAreParsed() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			zabbix.answer("host.get", (request) -> FakeZabbix.result(request, HOSTS));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 1_000_000);

			client.execute(new HostGet(null, null, null, null, 10));
			List<ZabbixHost> hosts = client.execute(new HostGet(null, null, null, null, 10));

			assertThat(zabbix.calls("apiinfo.version")).hasSize(1);
			assertThat(zabbix.calls("apiinfo.version").get(0).bodyAuth()).isNull();
			assertThat(client.version().text()).isEqualTo("6.0.14");
			assertThat(hosts).containsExactly(new ZabbixHost("10559", "web-1", "Web 1", 0,
					List.of(new ZabbixHostGroup("22", "Shop")), List.of(new ZabbixTag("env", "prod"))));
			assertThat(zabbix.calls("host.get").get(0).body().path("params").path("limit").asInt()).isEqualTo(10);
		}
	}

	@Test
	void triggerTimesAreSentOneSecondWiderAsZabbixComparesThemStrictly() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			zabbix.answer("trigger.get", (request) -> FakeZabbix.result(request, "[]"));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 1_000_000);

			client.execute(new TriggerGet(null, null, null, null, null, 100L, 200L, 5));
			client.execute(new TriggerGet(null, null, null, null, null, null, 0L, 5));

			JsonNode ranged = zabbix.calls("trigger.get").get(0).body().path("params");
			assertThat(ranged.path("lastChangeSince").asLong()).isEqualTo(99);
			assertThat(ranged.path("lastChangeTill").asLong()).isEqualTo(201);
			JsonNode neverChanged = zabbix.calls("trigger.get").get(1).body().path("params");
			assertThat(neverChanged.has("lastChangeSince")).isFalse();
			assertThat(neverChanged.path("lastChangeTill").asLong()).isEqualTo(1);
		}
	}

	@Test
	void jsonRpcErrorBecomesTypedExceptionWithShardAndZabbixMessageButNoToken() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			zabbix.answer("host.get",
					(request) -> FakeZabbix.error(request, -32602, "Invalid params.", "Not authorized."));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 1_000_000);

			assertThatThrownBy(() -> client.execute(new HostGet(null, null, null, null, null)))
				.isInstanceOfSatisfying(ZabbixApiException.class, (ex) -> {
					assertThat(ex.shard()).isEqualTo("shop");
					assertThat(ex.method()).isEqualTo("host.get");
					assertThat(ex.code()).isEqualTo(-32602);
					assertThat(ex.zabbixMessage()).isEqualTo("Invalid params.");
					assertThat(ex.data()).isEqualTo("Not authorized.");
					assertThat(ex.getMessage()).startsWith("shop: host.get failed: Invalid params.")
						.doesNotContain(TOKEN);
				});
		}
	}

	@Test
	void answerLargerThanTheSizeLimitIsRejected() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			String big = "["
					+ String.join(",", java.util.Collections.nCopies(200, HOSTS.substring(1, HOSTS.length() - 1)))
					+ "]";
			zabbix.answer("host.get", (request) -> FakeZabbix.result(request, big));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 4_096);

			assertThatThrownBy(() -> client.execute(new HostGet(null, null, null, null, null)))
				.isInstanceOf(ZabbixResponseTooLargeException.class)
				.hasMessageContaining("shop")
				.hasMessageContaining("4096 bytes");
		}
	}

	@Test
	void expiredSessionIsRenewedWithOneLoginAndTheCallRetried() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			AtomicInteger logins = new AtomicInteger();
			zabbix.answer("user.login",
					(request) -> FakeZabbix.result(request, "\"session-" + logins.incrementAndGet() + "\""));
			// Zabbix expired session-1: only the renewed session is accepted.
			zabbix.answer("host.get",
					(request) -> "session-2".equals(request.bodyAuth()) ? FakeZabbix.result(request, HOSTS)
							: FakeZabbix.error(request, -32602, "Invalid params.", ZabbixClient.SESSION_TERMINATED));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.UserPassword("gw", "s3cret"), 1_000_000);

			List<ZabbixHost> hosts = client.execute(new HostGet(null, null, null, null, null));

			assertThat(hosts).hasSize(1);
			assertThat(logins).hasValue(2);
			FakeZabbix.Received login = zabbix.calls("user.login").get(0);
			assertThat(login.body().path("params").path("username").asString()).isEqualTo("gw");
			assertThat(login.bodyAuth()).isNull();
			assertThat(zabbix.calls("host.get")).extracting(FakeZabbix.Received::bodyAuth)
				.containsExactly("session-1", "session-2");
		}
	}

	@Test
	void probeFailsWhenTheShardRefusesTheCredentials() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			zabbix.answer("hostgroup.get",
					(request) -> TOKEN.equals(request.bodyAuth()) ? FakeZabbix.result(request, "[{\"groupid\":\"2\"}]")
							: FakeZabbix.error(request, -32602, "Invalid params.", "Not authorized."));

			assertThat(client(zabbix.url(), new ZabbixCredentials.ApiToken(TOKEN), 1_000).probe().text())
				.isEqualTo("6.0.14");
			assertThatThrownBy(() -> client(zabbix.url(), new ZabbixCredentials.ApiToken("revoked"), 1_000).probe())
				.isInstanceOf(ZabbixApiException.class)
				.hasMessageContaining("Not authorized.");
		}
	}

	@Test
	void closeLogsTheSessionOut() throws Exception {
		try (FakeZabbix zabbix = new FakeZabbix("7.0.0")) {
			zabbix.answer("user.login", (request) -> FakeZabbix.result(request, "\"session-1\""));
			zabbix.answer("user.logout", (request) -> FakeZabbix.result(request, "true"));
			zabbix.answer("host.get", (request) -> FakeZabbix.result(request, "[]"));
			ZabbixClient client = client(zabbix.url(), new ZabbixCredentials.UserPassword("gw", "s3cret"), 1_000_000);
			client.execute(new HostGet(null, null, null, null, null));

			client.close();

			assertThat(zabbix.calls("user.logout")).singleElement()
				.satisfies((logout) -> assertThat(logout.authorizationHeader()).isEqualTo("Bearer session-1"));
		}
	}

	@Test
	void shardThatDoesNotAnswerInTimeGivesTimeoutException() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (FakeZabbix zabbix = new FakeZabbix("6.0.14")) {
			zabbix.answer("host.get", (request) -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return FakeZabbix.result(request, "[]");
			});
			ZabbixClient client = new ZabbixClient(new ZabbixClientSettings("shop", zabbix.url(),
					new ZabbixCredentials.ApiToken(TOKEN), Duration.ofSeconds(1), Duration.ofMillis(200), 1_000));

			assertThatThrownBy(() -> client.execute(new HostGet(null, null, null, null, null)))
				.isInstanceOf(ZabbixTimeoutException.class)
				.hasMessageContaining("shop: host.get: no answer within 200 ms");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void shardWhereNothingListensGivesTransportExceptionAndVersionIsReadAgainLater() throws Exception {
		ZabbixClient client = client(URI.create("http://127.0.0.1:1/api_jsonrpc.php"),
				new ZabbixCredentials.ApiToken(TOKEN), 1_000);

		assertThatThrownBy(client::version).isInstanceOf(ZabbixTransportException.class)
			.hasMessageStartingWith("shop: apiinfo.version: cannot connect to 127.0.0.1:1");
		assertThat(client.knownVersion()).isNull();
	}

	@Test
	void versionsParseAndCompare() {
		assertThat(ZabbixVersion.parse("6.0.14").usesBearerHeader()).isFalse();
		assertThat(ZabbixVersion.parse("6.4.0rc1").usesBearerHeader()).isTrue();
		assertThat(ZabbixVersion.parse("7.0.0alpha1")).isEqualByComparingTo(ZabbixVersion.parse("7.0.3"));
		assertThatThrownBy(() -> ZabbixVersion.parse("banana")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("banana");
	}

	@Test
	void credentialsNeverShowInToString() {
		assertThat(new ZabbixCredentials.ApiToken(TOKEN).toString()).doesNotContain(TOKEN);
		assertThat(new ZabbixCredentials.UserPassword("gw", "s3cret").toString()).doesNotContain("s3cret");
	}

	private static ZabbixClient client(URI url, ZabbixCredentials credentials, long maxBytes) {
		return new ZabbixClient(new ZabbixClientSettings("shop", url, credentials, Duration.ofSeconds(1),
				Duration.ofSeconds(5), maxBytes));
	}

}
