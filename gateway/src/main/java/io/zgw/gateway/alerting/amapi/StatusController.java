package io.zgw.gateway.alerting.amapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgw.gateway.alerting.routing.RoutingFile;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * StatusController is Alertmanager API v2's {@code GET /api/v2/status} and
 * {@code GET /api/v2/receivers}, in the shapes amtool reads, and Alertmanager's probes
 * {@code /-/healthy} and {@code /-/ready}, which checks written for it call (open, as
 * Alertmanager's; {@code /actuator/health} has the gateway's own).
 */
@RestController
class StatusController {

	private final RoutingFile routing;

	private final Instant startedAt = Instant.now();

	private final String version;

	StatusController(RoutingFile routing, ObjectProvider<BuildProperties> build) {
		this.routing = routing;
		BuildProperties properties = build.getIfAvailable();
		this.version = "zgw-" + ((properties != null) ? properties.getVersion() : "dev");
	}

	@GetMapping("/api/v2/status")
	Map<String, Object> status() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("cluster", Map.of("status", "disabled", "peers", List.of()));
		json.put("config", Map.of("original", this.routing.original()));
		json.put("uptime", AmTimes.format(this.startedAt));
		json.put("versionInfo", Map.of("branch", "", "buildDate", "", "buildUser", "", "goVersion", "", "revision", "",
				"version", this.version));
		return json;
	}

	@GetMapping(path = { "/-/healthy", "/-/ready" }, produces = MediaType.TEXT_PLAIN_VALUE)
	String probe() {
		return "OK";
	}

	@GetMapping("/api/v2/receivers")
	List<Map<String, String>> receivers() {
		return this.routing.receiverNames().stream().map((name) -> Map.of("name", name)).toList();
	}

}
