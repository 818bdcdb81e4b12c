package io.zgw.gateway.notify.outbox;

import io.zgw.gateway.notify.ManualClock;

class InMemoryOutboxQueueTest extends OutboxQueueContract {

	@Override
	OutboxQueue newQueue(ManualClock clock) {
		return new InMemoryOutboxQueue(clock);
	}

}
