package io.zgw.gateway.notify.outbox;

import io.zgw.gateway.testsupport.ManualClock;

class InMemoryOutboxQueueTest extends OutboxQueueContract {

	@Override
	OutboxQueue newQueue(ManualClock clock) {
		return new InMemoryOutboxQueue(clock);
	}

}
