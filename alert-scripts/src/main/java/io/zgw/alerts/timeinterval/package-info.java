/**
 * Time intervals for muting and activating routes and scheduling silences.
 */
@NullMarked
package io.zgw.alerts.timeinterval;

import org.jspecify.annotations.NullMarked;
