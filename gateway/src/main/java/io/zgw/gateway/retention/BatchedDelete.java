package io.zgw.gateway.retention;

import java.util.List;
import java.util.function.IntUnaryOperator;

import io.micrometer.core.instrument.Counter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * BatchedDelete deletes old rows a bounded batch at a time, each batch its own short
 * statement, so a purge of millions of rows never holds many row locks at once and
 * ingestion goes on between batches.
 */
final class BatchedDelete {

	private BatchedDelete() {
	}

	/**
	 * Runs {@code batch} (which deletes at most its argument's rows and returns how many)
	 * until a batch deletes fewer than {@code limit}; counts every deleted row on
	 * {@code deleted} as it goes and returns the total.
	 */
	static long repeat(int limit, Counter deleted, IntUnaryOperator batch) {
		long total = 0;
		int rows;
		do {
			rows = batch.applyAsInt(limit);
			deleted.increment(rows);
			total += rows;
		}
		while (rows == limit);
		return total;
	}

	/**
	 * Deletes at most {@code limit} rows of {@code table} that match {@code old}; returns
	 * how many. The keys are found by a plain, non-locking read and the rows deleted by
	 * key with {@code old} checked again, so the delete locks only the rows it removes,
	 * never a range that a writer is about to insert into or update.
	 */
	static <K> int batch(DSLContext dsl, Table<?> table, TableField<?, K> key, Condition old, int limit) {
		List<K> keys = dsl.select(key).from(table).where(old).limit(limit).fetch(key);
		if (keys.isEmpty()) {
			return 0;
		}
		return dsl.deleteFrom(table).where(key.in(keys)).and(old).execute();
	}

}
