package io.zgw.gateway.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ApiKeyController is the admin API for keys: create (the key is in the answer, once),
 * list (never the key or its hash), revoke.
 */
@RestController
@RequestMapping("/api/v1/admin/keys")
class ApiKeyController {

	private final ApiKeyService keys;

	ApiKeyController(ApiKeyService keys) {
		this.keys = keys;
	}

	@PostMapping
	ResponseEntity<CreatedApiKey> create(@RequestBody NewApiKeyRequest request, ApiPrincipal caller) {
		CreatedApiKey created = this.keys.create(request, caller);
		return ResponseEntity.created(URI.create("/api/v1/admin/keys/" + created.id())).body(created);
	}

	@GetMapping
	List<StoredApiKey> list(ApiPrincipal caller) {
		return this.keys.list(caller);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id, ApiPrincipal caller) {
		this.keys.revoke(id, caller);
		return ResponseEntity.noContent().build();
	}

}
