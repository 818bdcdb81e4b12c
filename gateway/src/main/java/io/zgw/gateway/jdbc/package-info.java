/**
 * Plain-JDBC helpers for the hot write paths: transactions sent with their {@code COMMIT}
 * in one query on connections kept out of autocommit.
 */
@NullMarked
package io.zgw.gateway.jdbc;

import org.jspecify.annotations.NullMarked;
