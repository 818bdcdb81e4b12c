package io.zgw.gateway.notify.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * OpenedOutboxQueues opens {@link JooqOutboxQueue}s for a test and closes them (each
 * holds a connection pool for its claims) after it; register it with
 * {@code @RegisterExtension}.
 */
public final class OpenedOutboxQueues implements AfterEachCallback {

	private final List<JooqOutboxQueue> opened = new ArrayList<>();

	/** Opens a queue on the test database; it is closed after the test. */
	public JooqOutboxQueue open(DSLContext dsl, DataSource dataSource, Clock clock) {
		JooqOutboxQueue queue = new JooqOutboxQueue(dsl, dataSource, clock);
		this.opened.add(queue);
		return queue;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.opened.forEach(JooqOutboxQueue::close);
		this.opened.clear();
	}

}
