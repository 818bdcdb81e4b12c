/**
 * Notices of silences about to expire: alerts of zgw's own that a routing file routes
 * like any other.
 */
@NullMarked
package io.zgw.gateway.alerting.expiry;

import org.jspecify.annotations.NullMarked;
