/**
 * Aggregation groups, the muting pipeline and deduplication, driven by the caller's
 * clock.
 */
@NullMarked
package io.zgw.alerts.dispatch;

import org.jspecify.annotations.NullMarked;
