package io.zgw.gateway.alerting.store;

import java.util.function.Supplier;

/**
 * StoreAccess turns any database failure into {@link StoreUnavailableException}, so the
 * web layer answers 503 instead of 500.
 */
final class StoreAccess {

	private StoreAccess() {
	}

	static <T> T read(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException
				| org.jooq.exception.DataAccessException ex) {
			throw new StoreUnavailableException("alert store unavailable: " + rootMessage(ex), ex);
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
