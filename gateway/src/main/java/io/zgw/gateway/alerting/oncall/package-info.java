/**
 * Who is on call: the routing file's on-call schedules, as the API shows them.
 */
@NullMarked
package io.zgw.gateway.alerting.oncall;

import org.jspecify.annotations.NullMarked;
