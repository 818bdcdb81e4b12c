/**
 * Alertmanager label matchers and the matcher-list syntax.
 */
@NullMarked
package io.zgw.alerts.matcher;

import org.jspecify.annotations.NullMarked;
