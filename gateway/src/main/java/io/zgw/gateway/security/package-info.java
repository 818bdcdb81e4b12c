/**
 * API-key authentication and authorization: keys, roles, business-line scoping and the
 * path rules every request passes.
 */
@NullMarked
package io.zgw.gateway.security;

import org.jspecify.annotations.NullMarked;
