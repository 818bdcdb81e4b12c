package io.zgw.gateway.notify.outbox;

import java.time.Instant;

import io.zgw.gateway.notify.Delivery;

/**
 * OutboxEntry is a claimed outbox row: the delivery plus what the worker needs for
 * backoff.
 *
 * @param id row id; increasing in enqueue order
 * @param delivery what to send
 * @param createdAt when it was enqueued
 * @param attempts send attempts so far, including the one this claim is for
 */
public record OutboxEntry(long id, Delivery delivery, Instant createdAt, int attempts) {
}
