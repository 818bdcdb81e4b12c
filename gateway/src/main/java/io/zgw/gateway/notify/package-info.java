/**
 * Notification delivery: the outbox of rendered notifications, the worker that drains it
 * with retry and backoff, and one sub-package per receiver type.
 */
@NullMarked
package io.zgw.gateway.notify;

import org.jspecify.annotations.NullMarked;
