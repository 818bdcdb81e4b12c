package io.zgw.gateway.notify.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * OpenedOutboxQueues opens {@link JooqOutboxQueue}s on the test database of a Spring Boot
 * test (its {@link DSLContext} and {@link DataSource}) and closes them (each holds a
 * connection pool for its claims) after the test; register it with
 * {@code @RegisterExtension}.
 */
public final class OpenedOutboxQueues implements BeforeEachCallback, AfterEachCallback {

	private final List<JooqOutboxQueue> opened = new ArrayList<>();

	private ApplicationContext spring;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.spring = SpringExtension.getApplicationContext(context);
	}

	/** Opens a queue on the test database; it is closed after the test. */
	public JooqOutboxQueue open(Clock clock) {
		JooqOutboxQueue queue = new JooqOutboxQueue(this.spring.getBean(DSLContext.class),
				this.spring.getBean(DataSource.class), clock);
		this.opened.add(queue);
		return queue;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.opened.forEach(JooqOutboxQueue::close);
		this.opened.clear();
	}

}
