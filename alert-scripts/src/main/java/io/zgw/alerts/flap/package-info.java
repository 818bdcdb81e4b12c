/**
 * Flap detection: alerts that keep starting to fire again, and how long their resolutions
 * wait while they do.
 */
@NullMarked
package io.zgw.alerts.flap;

import org.jspecify.annotations.NullMarked;
