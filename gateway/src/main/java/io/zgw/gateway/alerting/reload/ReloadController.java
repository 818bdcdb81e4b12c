package io.zgw.gateway.alerting.reload;

import java.util.Map;

import io.zgw.gateway.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ReloadController is Alertmanager's {@code POST /-/reload} (admin only, enforced by the
 * security filter): 200 when the routing file was reloaded, 400 problem+json naming the
 * bad element when it was refused.
 */
@RestController
class ReloadController {

	private final ConfigReloader reloader;

	ReloadController(ConfigReloader reloader) {
		this.reloader = reloader;
	}

	@PostMapping("/-/reload")
	void reload() {
		try {
			this.reloader.reload();
		}
		catch (ReloadException ex) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "Configuration refused", ex.file() + ": " + ex.getMessage(),
					Map.of("parameter", ex.path(), "file", ex.file()));
		}
	}

}
