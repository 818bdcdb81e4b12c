/**
 * Inhibit rules: firing source alerts muting target alerts.
 */
@NullMarked
package io.zgw.alerts.inhibit;

import org.jspecify.annotations.NullMarked;
