/**
 * Loading and validating Alertmanager 0.25 configuration files.
 */
@NullMarked
package io.zgw.alerts.config;

import org.jspecify.annotations.NullMarked;
