package io.zgw.sharding.fanout;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zgw.sharding.Shard;
import io.zgw.sharding.ShardConfig;
import io.zgw.sharding.ShardRegistry;
import io.zgw.sharding.zabbix.ZabbixApiException;
import io.zgw.sharding.zabbix.ZabbixCredentials;
import io.zgw.sharding.zabbix.ZabbixTransportException;
import io.zgw.sharding.zabbix.ZabbixVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutTest {

	private static final Duration DEADLINE = Duration.ofMillis(300);

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final ManualClock clock = new ManualClock();

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private final FanOut fanOut = new FanOut(this.executor, this.clock,
			(shard, method, status, latency) -> this.observed.add(shard + " " + method + " " + status.label()));

	private final CountDownLatch hang = new CountDownLatch(1);

	private final ShardRegistry registry = new ShardRegistry(List.of(config("shop"), config("pay")),
			new ResilienceSettings(2, 50f, 4, 2, Duration.ofSeconds(30), 1), Duration.ofSeconds(1), 1_000, this.clock);

	@AfterEach
	void release() {
		this.hang.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void everyShardAnswersInTheCallersOrder() {
		ShardedResult<String> result = this.fanOut.run("host.get", this.registry.shards(), Shard::name);

		assertThat(result.outcomes().keySet()).containsExactly("shop", "pay");
		assertThat(result.successes()).extracting(ShardOutcome::value).containsExactly("shop", "pay");
		assertThat(result.partial()).isFalse();
		assertThat(this.observed).containsExactlyInAnyOrder("shop host.get ok", "pay host.get ok");
	}

	@Test
	void answerAtHandIsSettledOnTheCallingThreadAndOthersOnWorkers() {
		String caller = Thread.currentThread().getName();

		ShardedResult<String> result = this.fanOut.run(
				"host.get", this.registry.shards(), (shard) -> shard.name().equals("shop")
						? Optional.of("cached on " + Thread.currentThread().getName()) : Optional.empty(),
				(shard) -> "fetched on " + Thread.currentThread().getName());

		assertThat(result.outcomes().keySet()).containsExactly("shop", "pay");
		assertThat(result.outcomes().get("shop").value()).isEqualTo("cached on " + caller);
		assertThat(result.outcomes().get("pay").value()).startsWith("fetched on ").isNotEqualTo("fetched on " + caller);
		assertThat(this.observed).containsExactlyInAnyOrder("shop host.get ok", "pay host.get ok");
		assertThat(shard("shop").health().snapshot().lastStatus()).isEqualTo(ShardStatus.OK);
	}

	@Test
	void shardWithOpenBreakerIsNotAnsweredFromWhatIsAtHand() {
		shard("pay").breaker().transitionToOpenState();

		ShardedResult<String> result = this.fanOut.run("host.get", this.registry.shards(),
				(shard) -> Optional.of("cached"), (shard) -> "fetched");

		assertThat(result.outcomes().get("shop").value()).isEqualTo("cached");
		assertThat(result.outcomes().get("pay").status()).isEqualTo(ShardStatus.CIRCUIT_OPEN);
		assertThat(result.partial()).isTrue();
	}

	@Test
	void hangingShardTimesOutAtItsDeadlineWhileTheOtherAnswers() {
		long start = System.nanoTime();

		ShardedResult<String> result = this.fanOut.run("problem.get", this.registry.shards(), this::hangOnPay);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.multipliedBy(5));
		assertThat(result.outcomes().get("shop").status()).isEqualTo(ShardStatus.OK);
		assertThat(result.outcomes().get("pay").status()).isEqualTo(ShardStatus.TIMEOUT);
		assertThat(result.outcomes().get("pay").error()).isEqualTo("no answer within 300 ms");
		assertThat(result.partial()).isTrue();
		assertThat(shard("pay").health().snapshot().lastStatus()).isEqualTo(ShardStatus.TIMEOUT);
	}

	@Test
	void breakerOpensAfterFailuresSkipsTheShardAndRecoversAfterTheWait() {
		ShardCall<String> failingPay = (shard) -> {
			if (shard.name().equals("pay")) {
				throw new ZabbixTransportException("pay", "cannot connect to 127.0.0.1:1", null);
			}
			return "fine";
		};
		this.fanOut.run("host.get", this.registry.shards(), failingPay);
		ShardedResult<String> second = this.fanOut.run("host.get", this.registry.shards(), failingPay);
		assertThat(second.outcomes().get("pay").error()).isEqualTo("cannot connect to 127.0.0.1:1");
		assertThat(shard("pay").breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

		List<String> asked = new CopyOnWriteArrayList<>();
		ShardedResult<String> open = this.fanOut.run("host.get", this.registry.shards(), (shard) -> {
			asked.add(shard.name());
			return "fine";
		});
		assertThat(open.outcomes().get("pay").status()).isEqualTo(ShardStatus.CIRCUIT_OPEN);
		assertThat(asked).containsExactly("shop");

		this.clock.advance(Duration.ofSeconds(31));
		ShardedResult<String> recovered = this.fanOut.run("host.get", this.registry.shards(), (shard) -> "fine");
		assertThat(recovered.outcomes().get("pay").status()).isEqualTo(ShardStatus.OK);
		assertThat(shard("pay").breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void zabbixApiErrorsFailTheShardButDoNotOpenTheBreaker() {
		for (int i = 0; i < 4; i++) {
			ShardedResult<String> result = this.fanOut.run("event.acknowledge", List.of(shard("pay")), (shard) -> {
				throw new ZabbixApiException("pay", "event.acknowledge", -32602, "Invalid params.", "No permissions.");
			});
			assertThat(result.outcomes().get("pay").status()).isEqualTo(ShardStatus.ERROR);
			assertThat(result.allFailed()).isTrue();
			assertThat(result.commonFailure()).contains(ShardStatus.ERROR);
		}
		assertThat(shard("pay").breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void bulkheadRejectsCallsBeyondTheShardsConcurrencyLimit() throws Exception {
		CountDownLatch started = new CountDownLatch(2);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 2; i++) {
				callers.submit(() -> this.fanOut.run("host.get", List.of(shard("pay")), (shard) -> {
					started.countDown();
					this.hang.await();
					return "late";
				}));
			}
			started.await();

			ShardedResult<String> third = this.fanOut.run("host.get", List.of(shard("pay")), (shard) -> "fast");

			assertThat(third.outcomes().get("pay").status()).isEqualTo(ShardStatus.ERROR);
			assertThat(third.outcomes().get("pay").error()).contains("bulkhead full");
		}
		finally {
			this.hang.countDown();
			callers.shutdownNow();
		}
	}

	@Test
	void callToAHangingServerEndsAtTheDeadlineAndFreesItsWorker() throws Exception {
		CountDownLatch released = new CountDownLatch(1);
		HttpServer frozen = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		frozen.setExecutor(Executors.newCachedThreadPool());
		frozen.createContext("/", (exchange) -> {
			try {
				this.hang.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		frozen.start();
		try (ShardRegistry one = new ShardRegistry(
				List.of(new ShardConfig("pay",
						URI.create("http://127.0.0.1:" + frozen.getAddress().getPort() + "/api_jsonrpc.php"),
						new ZabbixCredentials.ApiToken("t"), DEADLINE, null, null)),
				new ResilienceSettings(2, 50f, 4, 2, Duration.ofSeconds(30), 1), Duration.ofSeconds(1), 1_000,
				this.clock)) {
			Shard pay = one.find("pay").orElseThrow();

			ShardedResult<ZabbixVersion> result = this.fanOut.run("apiinfo.version", List.of(pay), (shard) -> {
				try {
					return shard.client().ping();
				}
				finally {
					released.countDown();
				}
			});

			assertThat(result.outcomes().get("pay").status()).isEqualTo(ShardStatus.TIMEOUT);
			// Cancel-and-interrupt at the deadline and the client's request timeout both
			// end it.
			assertThat(released.await(DEADLINE.toMillis() * 3, TimeUnit.MILLISECONDS)).isTrue();
		}
		finally {
			frozen.stop(0);
		}
	}

	private String hangOnPay(Shard shard) throws InterruptedException {
		if (shard.name().equals("pay")) {
			this.hang.await();
		}
		return shard.name();
	}

	private Shard shard(String name) {
		return this.registry.find(name).orElseThrow();
	}

	private static ShardConfig config(String name) {
		return new ShardConfig(name, URI.create("http://127.0.0.1:1/api_jsonrpc.php"),
				new ZabbixCredentials.ApiToken("t"), DEADLINE, null, null);
	}

}
