/**
 * The routing tree: matching alerts to routes and their effective options.
 */
@NullMarked
package io.zgw.alerts.routing;

import org.jspecify.annotations.NullMarked;
