package io.zgw.sharding.zabbix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.core.type.TypeReference;

/**
 * ZabbixRequest is one typed JSON-RPC call: the record's components are the
 * {@code params}, {@link #method()} names the API method and {@link #resultType()} the
 * shape of its {@code result}.
 *
 * @param <R> the result type
 */
public interface ZabbixRequest<R> {

	/** The JSON-RPC method, e.g. {@code host.get}. */
	@JsonIgnore
	String method();

	/** The Java type the {@code result} member is read into. */
	@JsonIgnore
	TypeReference<R> resultType();

}
