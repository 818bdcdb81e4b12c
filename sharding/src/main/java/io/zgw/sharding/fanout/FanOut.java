package io.zgw.sharding.fanout;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.zgw.sharding.Shard;
import io.zgw.sharding.zabbix.ZabbixException;
import io.zgw.sharding.zabbix.ZabbixTimeoutException;

/**
 * FanOut runs one call on a set of shards in parallel on a bounded executor; each shard
 * gets its own deadline (its configured timeout), bulkhead and circuit breaker, so a dead
 * or hanging shard costs at most its deadline and, once its breaker is open, nothing.
 */
public final class FanOut {

	private final ExecutorService executor;

	private final Clock clock;

	private final FanOutListener listener;

	public FanOut(ExecutorService executor, Clock clock, FanOutListener listener) {
		this.executor = executor;
		this.clock = clock;
		this.listener = listener;
	}

	/**
	 * Runs {@code call} on every shard in {@code shards} and waits for each at most until
	 * its deadline.
	 * @param method a bounded label for metrics, e.g. {@code problem.get}
	 */
	public <T> ShardedResult<T> run(String method, Collection<Shard> shards, ShardCall<T> call) {
		return run(method, shards, (shard) -> Optional.empty(), call);
	}

	/**
	 * Like {@link #run(String, Collection, ShardCall)}, but a shard whose answer
	 * {@code known} already has (e.g. from a cache, without any I/O) is settled on the
	 * calling thread, with no hand-off to a worker; its breaker is still asked first, and
	 * its health and metrics see an ordinary successful call.
	 * @param known returns a shard's answer if it is at hand, never blocking
	 */
	public <T> ShardedResult<T> run(String method, Collection<Shard> shards, Function<Shard, Optional<T>> known,
			ShardCall<T> call) {
		long start = System.nanoTime();
		Map<String, ShardOutcome<T>> outcomes = new LinkedHashMap<>();
		Map<Shard, Attempt<T>> attempts = new LinkedHashMap<>();
		for (Shard shard : shards) {
			// Keep the caller's order in the answer even for shards that are settled at
			// once.
			outcomes.put(shard.name(), null);
			if (!shard.breaker().tryAcquirePermission()) {
				outcomes.put(shard.name(), finish(shard, method, ShardOutcome.failed(shard.name(),
						ShardStatus.CIRCUIT_OPEN, "circuit breaker open after repeated failures", Duration.ZERO)));
				continue;
			}
			Optional<T> value = known.apply(shard);
			if (value.isPresent()) {
				shard.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				outcomes.put(shard.name(),
						finish(shard, method, ShardOutcome.ok(shard.name(), value.get(), since(start))));
				continue;
			}
			if (!shard.bulkhead().tryAcquirePermission()) {
				shard.breaker().releasePermission();
				outcomes.put(shard.name(), finish(shard, method, ShardOutcome.failed(shard.name(), ShardStatus.ERROR,
						"too many concurrent calls to this shard (bulkhead full)", Duration.ZERO)));
				continue;
			}
			Attempt<T> attempt = new Attempt<>(shard, call);
			try {
				attempt.future = this.executor.submit(attempt::run);
				attempts.put(shard, attempt);
			}
			catch (RejectedExecutionException ex) {
				shard.bulkhead().onComplete();
				shard.breaker().releasePermission();
				outcomes.put(shard.name(), finish(shard, method, ShardOutcome.failed(shard.name(), ShardStatus.ERROR,
						"gateway overloaded: no worker free for this shard", Duration.ZERO)));
			}
		}
		attempts.forEach((shard, attempt) -> outcomes.put(shard.name(), finish(shard, method, await(attempt, start))));
		return new ShardedResult<>(outcomes);
	}

	private <T> ShardOutcome<T> await(Attempt<T> attempt, long start) {
		Shard shard = attempt.shard;
		long deadline = start + shard.config().timeout().toNanos();
		try {
			T value = attempt.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return ShardOutcome.ok(shard.name(), value, since(start));
		}
		catch (TimeoutException ex) {
			if (attempt.settled.compareAndSet(false, true)) {
				shard.breaker()
					.onError(since(start).toNanos(), TimeUnit.NANOSECONDS,
							new ZabbixTimeoutException(shard.name(), "no answer within the deadline", ex));
			}
			attempt.future.cancel(true);
			return ShardOutcome.failed(shard.name(), ShardStatus.TIMEOUT,
					"no answer within " + shard.config().timeout().toMillis() + " ms", since(start));
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			ShardStatus status = (cause instanceof ZabbixTimeoutException) ? ShardStatus.TIMEOUT : ShardStatus.ERROR;
			String text = (cause instanceof ZabbixException zabbix) ? zabbix.detail() : String.valueOf(cause);
			return ShardOutcome.threw(shard.name(), status, text, cause, since(start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			attempt.future.cancel(true);
			return ShardOutcome.failed(shard.name(), ShardStatus.ERROR, "interrupted", since(start));
		}
		catch (CancellationException ex) {
			return ShardOutcome.failed(shard.name(), ShardStatus.ERROR, "cancelled", since(start));
		}
	}

	private <T> ShardOutcome<T> finish(Shard shard, String method, ShardOutcome<T> outcome) {
		shard.health().record(outcome.status(), outcome.latency(), outcome.error(), this.clock.instant());
		this.listener.onCall(shard.name(), method, outcome.status(), outcome.latency());
		return outcome;
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Attempt is one shard's call; whoever settles it first (worker or deadline) informs
	 * the breaker.
	 */
	private static final class Attempt<T> {

		final Shard shard;

		final ShardCall<T> call;

		final AtomicBoolean settled = new AtomicBoolean();

		volatile Future<T> future;

		Attempt(Shard shard, ShardCall<T> call) {
			this.shard = shard;
			this.call = call;
		}

		T run() throws Exception {
			long start = System.nanoTime();
			try {
				T value = this.call.call(this.shard);
				if (this.settled.compareAndSet(false, true)) {
					this.shard.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				}
				return value;
			}
			catch (Exception ex) {
				if (this.settled.compareAndSet(false, true)) {
					this.shard.breaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
				}
				throw ex;
			}
			finally {
				this.shard.bulkhead().onComplete();
			}
		}

	}

}
