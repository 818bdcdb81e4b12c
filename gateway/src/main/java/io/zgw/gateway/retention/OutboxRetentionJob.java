package io.zgw.gateway.retention;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zgw.gateway.notify.outbox.OutboxQueue;
import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OutboxRetentionJob deletes outbox rows delivered or permanently failed longer ago than
 * {@code zgw.retention.outbox}; pending rows are never deleted.
 */
@DisallowConcurrentExecution
final class OutboxRetentionJob extends MaintenanceJob {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetentionJob.class);

	private final OutboxQueue queue;

	private final RetentionProperties properties;

	private final Counter purged;

	OutboxRetentionJob(OutboxQueue queue, RetentionProperties properties, MeterRegistry meters) {
		this.queue = queue;
		this.properties = properties;
		this.purged = deleted(meters, "outbox");
	}

	/** Deletes the rows finished before {@code now} minus the retention. */
	@Override
	void run(Instant now) {
		Instant cutoff = now.minus(this.properties.outbox());
		long deleted = BatchedDelete.repeat(this.properties.batchSize(), this.purged,
				(limit) -> this.queue.purgeFinishedBefore(cutoff, limit));
		log.debug("Retention deleted {} finished outbox rows", deleted);
	}

}
