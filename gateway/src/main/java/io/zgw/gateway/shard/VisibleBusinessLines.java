package io.zgw.gateway.shard;

import jakarta.servlet.http.HttpServletRequest;

/**
 * VisibleBusinessLines decides which business lines (= shards) the caller of a request
 * may see. It is the only seam between the query API and authentication: the default sees
 * everything; the security module replaces the bean with one backed by the API principal.
 */
@FunctionalInterface
public interface VisibleBusinessLines {

	/** Whether the caller of {@code request} may see {@code businessLine}. */
	boolean canSee(HttpServletRequest request, String businessLine);

}
