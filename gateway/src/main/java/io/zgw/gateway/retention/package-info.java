/**
 * Periodic maintenance on the clustered Quartz scheduler: retention of resolved alerts,
 * their history and finished outbox rows, and Alertmanager's garbage collection of
 * silences and the notification log. Each run happens on one replica of the cluster.
 */
@NullMarked
package io.zgw.gateway.retention;

import org.jspecify.annotations.NullMarked;
