package io.zgw.gateway.alerting.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CheckConfigCommandTest {

	private static final String GOOD = """
			route:
			  receiver: team
			  group_by: [alertname]
			  routes:
			    - matchers: [severity="critical"]
			      receiver: pager
			      routes:
			        - matchers: [business_line="pay"]
			          receiver: pager
			inhibit_rules:
			  - source_matchers: [severity="critical"]
			    target_matchers: [severity="warning"]
			    equal: [alertname]
			time_intervals:
			  - name: nights
			    time_intervals: [{times: [{start_time: '22:00', end_time: '24:00'}]}]
			receivers:
			  - name: team
			    webhook_configs: [{url: 'http://127.0.0.1:9099/hook'}]
			    rocketchat_configs: [{api_url: 'https://chat.example.com', token: t, token_id: u, link_names: true}]
			  - name: pager
			    mattermost_configs: [{webhook_url: 'https://chat.example.com/hooks/x'}]
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int run(String... args) {
		return CheckConfigCommand.run(args, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	private Path file(String name, String yaml) throws IOException {
		return Files.writeString(this.dir.resolve(name), yaml);
	}

	@Test
	void aValidFileIsSummarizedWithWhatZgwWouldNotDeliver() throws IOException {
		Path good = file("good.yml", GOOD);

		assertThat(run("check-config", good.toString())).isZero();
		assertThat(output()).startsWith("Checking '" + good + "'  SUCCESS")
			.contains(" - route with 2 child routes")
			.contains(" - 2 receivers with 2 integrations")
			.contains(" - 1 inhibit rules")
			.contains(" - 1 time intervals")
			.contains(" - 0 on-call schedules")
			.contains(
					"Loaded but not delivered by zgw:\n - receivers[1].mattermost_configs[0] (receiver 'pager', mattermost)")
			.contains("receivers[0].rocketchat_configs[0].link_names: accepted and ignored");
	}

	@Test
	void aScheduleWithNobodyOnCallForAWhileIsPointedOut() throws IOException {
		// The rotation begins in two days: until then an escalation step to it pages no
		// one.
		Instant begins = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(2));
		Path file = file("gap.yml",
				GOOD.replace("  group_by: [alertname]\n", "  group_by: [alertname]\n  escalation: [{schedule: dba}]\n")
						+ "oncall_schedules:\n  - {name: dba, rotations: [{members: [team], start: '" + begins
						+ "', shift: 1w}]}\n");

		assertThat(run("check-config", file.toString())).isZero();
		assertThat(output()).contains(" - 1 on-call schedules")
			.containsPattern("On-call gaps in the next 28 days:\n - 'dba': nobody from \\S+ to " + begins + "\n");
	}

	@Test
	void aBadElementIsNamedAndTheExitCodeSaysSo() throws IOException {
		Path bad = file("bad.yml", GOOD.replace("receiver: pager\n      routes", "receiver: pagr\n      routes"));

		assertThat(run("check-config", bad.toString())).isOne();
		assertThat(output())
			.isEqualTo("Checking '" + bad + "'  FAILED: route.routes[0].receiver: unknown receiver \"pagr\"\n");
	}

	@Test
	void aReceiverTheGatewayCouldNotSendToIsRefusedAsAReloadWouldBe() throws IOException {
		// The loader takes any URL; building the sender refuses a scheme it cannot use.
		Path ftp = file("ftp.yml", GOOD.replace("http://127.0.0.1:9099/hook", "ftp://127.0.0.1/hook"));

		assertThat(run("check-config", ftp.toString())).isOne();
		assertThat(output())
			.startsWith("Checking '" + ftp + "'  FAILED: receivers[0].webhook_configs[0]: receiver \"team\": ")
			.contains("http or https");
	}

	@Test
	void everyFileIsCheckedAndOneFailureFailsTheRun() throws IOException {
		Path good = file("good.yml", GOOD);
		Path missing = this.dir.resolve("missing.yml");

		assertThat(run("check-config", missing.toString(), good.toString())).isOne();
		assertThat(output()).contains("Checking '" + missing + "'  FAILED: cannot read it: ")
			.contains("Checking '" + good + "'  SUCCESS");
	}

	@Test
	void withoutAFileItPrintsItsUsage() {
		assertThat(run("check-config")).isEqualTo(2);
		assertThat(output()).isEqualTo(CheckConfigCommand.USAGE + "\n");
	}

}
