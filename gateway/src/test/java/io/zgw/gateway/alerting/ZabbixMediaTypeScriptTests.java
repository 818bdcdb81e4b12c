package io.zgw.gateway.alerting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zgw.gateway.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZabbixMediaTypeScriptTests runs the script of the zgw webhook media type
 * ({@code alert-scripts/zabbix/zgw_mediatype.yaml}) in Debian's {@code node}, with
 * Zabbix's {@code HttpRequest} and {@code Zabbix} objects stubbed, and checks the body it
 * posts. The script is ES5 as Zabbix 6.0's Duktape runs it; the real Zabbix runs it in
 * {@code ZabbixEndToEndTests}.
 */
class ZabbixMediaTypeScriptTests {

	private static final Path MEDIA_TYPE = RepoFiles.find("alert-scripts/zabbix/zgw_mediatype.yaml");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void onlyAValueThatIsExactlyOneMacroIsBlanked() throws Exception {
		JsonNode body = post(Map.of("event_update_message", "{urgent}", "event_opdata", "{$OPS.NOTE}", "event_name",
				"Disk {#FS} is full", "host_name", "{#HOST}"));
		assertThat(body.path("event_update_message").asString()).isEqualTo("{urgent}");
		assertThat(body.path("event_name").asString()).isEqualTo("Disk {#FS} is full");
		assertThat(body.path("event_opdata").asString()).isEmpty();
		assertThat(body.path("host_name").asString()).isEmpty();
		// Unexpanded in a problem message: the update macros.
		assertThat(body.path("event_update_action").asString()).isEmpty();
		assertThat(body.path("event_update_date").asString()).isEmpty();
		assertThat(body.path("event_recovery_id").asString()).isEmpty();
	}

	@Test
	void tagsAreSentAsZabbixWroteThemForTheGatewayToCheck() throws Exception {
		String malformed = "[{\"tag\":\"service\",\"value\":\"a\"},";
		assertThat(post(Map.of("event_tags", malformed)).path("event_tags").asString()).isEqualTo(malformed);
		String tags = "[{\"tag\":null,\"value\":\"x\"},{\"tag\":\"scope\",\"value\":\"availability\"}]";
		assertThat(post(Map.of("event_tags", tags)).path("event_tags").asString()).isEqualTo(tags);
		assertThat(post(Map.of()).path("event_tags").asString()).isEmpty();
	}

	// Runs the script with the media type's parameters (macros unexpanded, as in a
	// problem message without updates) overridden by the values; returns what it
	// posted.
	private JsonNode post(Map<String, String> values) throws Exception {
		JsonNode mediaType = YAMLMapper.builder()
			.build()
			.readTree(Files.readString(MEDIA_TYPE))
			.path("zabbix_export")
			.path("media_types")
			.path(0);
		Map<String, String> params = new LinkedHashMap<>();
		for (JsonNode parameter : mediaType.path("parameters")) {
			params.put(parameter.path("name").asString(), parameter.path("value").asString(""));
		}
		params.putAll(Map.of("URL", "http://zgw.test/api/v1/zabbix/events", "Shard", "shop", "Secret", "s3cret"));
		params.putAll(values);
		Path harness = this.dir.resolve("harness.js");
		Files.writeString(harness, """
				var posted = null;
				function HttpRequest() {}
				HttpRequest.prototype.addHeader = function () {};
				HttpRequest.prototype.post = function (url, data) { posted = data; return '{}'; };
				HttpRequest.prototype.getStatus = function () { return 200; };
				var Zabbix = { log: function () {} };
				(function (value) {
				%s
				})(%s);
				console.log(posted);
				""".formatted(mediaType.path("script").asString(),
				JSON.writeValueAsString(JSON.writeValueAsString(params))));
		Process node = new ProcessBuilder("node", harness.toString()).redirectErrorStream(true).start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
		assertThat(node.exitValue()).as(output).isZero();
		return JSON.readTree(output);
	}

}
