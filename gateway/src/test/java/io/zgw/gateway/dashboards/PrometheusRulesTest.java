package io.zgw.gateway.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zgw.gateway.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PrometheusRulesTest checks zgw's own alerting rules ({@code grafana/rules}) with the
 * real {@code promtool} (Debian's Prometheus 2.42): they load, and each fires on the
 * series of {@code zgw.rules.test.yml} when it should and not before. Their queries run
 * against a real gateway's metrics in {@link DashboardQueriesTest}.
 */
class PrometheusRulesTest {

	static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	static final Path RULES = RepoFiles.find("grafana/rules/zgw.rules.yml");

	private static final Path TESTS = RULES.resolveSibling("zgw.rules.test.yml");

	@Test
	void promtoolLoadsTheRules() throws Exception {
		assertThat(promtool("check", "rules", RULES.toString()))
			.contains("SUCCESS: " + rules().size() + " rules found");
	}

	@Test
	void everyRuleFiresOnItsTestSeriesAndNotBefore() throws Exception {
		assertThat(promtool("test", "rules", TESTS.toString())).contains("SUCCESS");
	}

	@Test
	void everyRuleHasASeverityASummaryADescriptionAndATest() throws Exception {
		String tests = Files.readString(TESTS);
		List<String> problems = new ArrayList<>();
		for (JsonNode rule : rules()) {
			String name = rule.path("alert").asString();
			if (!List.of("critical", "warning", "info").contains(rule.path("labels").path("severity").asString())) {
				problems.add(name + ": severity is not critical, warning or info");
			}
			for (String annotation : List.of("summary", "description")) {
				if (rule.path("annotations").path(annotation).asString("").isBlank()) {
					problems.add(name + ": no " + annotation);
				}
			}
			if (!tests.contains("alertname: " + name + "\n")) {
				problems.add(name + ": not in " + TESTS.getFileName());
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The rules of the file's one group. */
	static List<JsonNode> rules() throws IOException {
		JsonNode groups = YAMLMapper.builder().build().readTree(Files.readString(RULES)).path("groups");
		assertThat(groups).hasSize(1);
		return groups.get(0).path("rules").valueStream().toList();
	}

	// Runs promtool in the rules' directory; returns its output once it exited 0.
	private static String promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(RULES.getParent().toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
