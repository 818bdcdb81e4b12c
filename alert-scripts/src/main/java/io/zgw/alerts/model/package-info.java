/**
 * The alert model: label sets with Alertmanager fingerprints, and alerts.
 */
@NullMarked
package io.zgw.alerts.model;

import org.jspecify.annotations.NullMarked;
