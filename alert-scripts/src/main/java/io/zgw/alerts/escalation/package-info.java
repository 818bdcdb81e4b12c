/**
 * On-call schedules (rotations, restricted to time intervals, and overrides) and the
 * escalation steps of a route that page whoever is on call (zgw extension).
 */
@NullMarked
package io.zgw.alerts.escalation;

import org.jspecify.annotations.NullMarked;
