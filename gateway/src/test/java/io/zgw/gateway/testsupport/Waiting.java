package io.zgw.gateway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waiting waits on a list that its writer guards with its own monitor and notifies on.
 */
final class Waiting {

	private Waiting() {
	}

	/**
	 * Waits until at least {@code count} elements of {@code guarded} satisfy the
	 * predicate, or the timeout passes; returns those elements either way so the caller
	 * asserts on them.
	 */
	static <T> List<T> awaitMatching(List<T> guarded, int count, Predicate<T> predicate, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (guarded) {
			while (true) {
				List<T> matching = guarded.stream().filter(predicate).toList();
				long left = deadline - System.nanoTime();
				if (matching.size() >= count || left <= 0) {
					return matching;
				}
				guarded.wait(Math.max(1, left / 1_000_000));
			}
		}
	}

}
