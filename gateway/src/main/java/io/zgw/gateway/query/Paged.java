package io.zgw.gateway.query;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Paged is an object of a merged listing that knows its position in it. */
interface Paged {

	@JsonIgnore
	PageKey pageKey();

}
