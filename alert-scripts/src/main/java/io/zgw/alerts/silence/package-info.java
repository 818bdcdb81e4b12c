/**
 * Silences, including recurring silences on a schedule.
 */
@NullMarked
package io.zgw.alerts.silence;

import org.jspecify.annotations.NullMarked;
