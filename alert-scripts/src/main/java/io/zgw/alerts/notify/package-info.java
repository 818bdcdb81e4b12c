/**
 * Payloads for webhook (version 4), Slack and email notifications.
 */
@NullMarked
package io.zgw.alerts.notify;

import org.jspecify.annotations.NullMarked;
