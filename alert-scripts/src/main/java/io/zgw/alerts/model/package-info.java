/**
 * The alert model: label sets with Alertmanager fingerprints, alerts, Go's quoting of
 * strings that Alertmanager prints them with, and the SHA-256 hex digests of text.
 */
@NullMarked
package io.zgw.alerts.model;

import org.jspecify.annotations.NullMarked;
