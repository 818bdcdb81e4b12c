/**
 * The alert model: label sets with Alertmanager fingerprints, alerts, and Go's quoting of
 * strings that Alertmanager prints them with.
 */
@NullMarked
package io.zgw.alerts.model;

import org.jspecify.annotations.NullMarked;
