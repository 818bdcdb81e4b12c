package io.zgw.gateway.alerting.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes-test against the real {@code amtool config routes test} of Alertmanager 0.25
 * (Debian's prometheus-alertmanager) on the same file and labels: the same receivers, the
 * same verdict on {@code --verify-receivers}.
 */
class RoutesTestCommandTest {

	private static final Path AMTOOL = Path.of("/usr/bin/amtool");

	private static final String ROUTES = """
			route:
			  receiver: team
			  group_by: [alertname]
			  routes:
			    - matchers: [severity="critical"]
			      receiver: pager
			      continue: true
			    - matchers: [business_line=~"pay|shop"]
			      receiver: lines
			      routes:
			        - matchers: [team="db"]
			          receiver: dba
			    - match_re: {service: 'mysql|mariadb'}
			      receiver: pager
			      continue: true
			    - matchers: [service="mariadb"]
			      receiver: team
			receivers: [{name: team}, {name: pager}, {name: lines}, {name: dba}]
			""";

	@TempDir
	Path dir;

	private record Outcome(int exit, String out) {
	}

	private Outcome zgw(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = RoutesTestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
	}

	private Outcome amtool(Path file, String verify, List<String> labels) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(AMTOOL.toString(), "config", "routes", "test", "--config.file=" + file));
		if (verify != null) {
			command.add("--verify.receivers=" + verify);
		}
		command.addAll(labels);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Outcome(process.exitValue(), out);
	}

	@Test
	void receiversAndVerdictsAreAmtools() throws Exception {
		assertThat(AMTOOL).as("Debian's prometheus-alertmanager (lab/zgw-lab up installs it)").isExecutable();
		Path file = Files.writeString(this.dir.resolve("alertmanager.yml"), ROUTES);
		List<List<String>> cases = List.of(List.of("alertname=X"), List.of("severity=critical"),
				List.of("severity=critical", "business_line=pay", "team=db"), List.of("business_line=shop"),
				List.of("service=mariadb"), List.of("service=mariadb", "severity=critical"),
				// Two routes to one receiver: amtool prints it twice.
				List.of("service=mysql", "severity=critical"),
				List.of("alertname=\"Disk full\"", "business_line=\"pay\""));
		for (List<String> labels : cases) {
			List<String> args = new ArrayList<>(List.of("routes-test", file.toString()));
			args.addAll(labels);
			Outcome ours = zgw(args.toArray(String[]::new));
			assertThat(ours).as("labels %s", labels).isEqualTo(amtool(file, null, labels));
			String receivers = ours.out().strip();
			for (String verify : List.of(receivers, "pager")) {
				List<String> verifying = new ArrayList<>(
						List.of("routes-test", file.toString(), "--verify-receivers", verify));
				verifying.addAll(labels);
				assertThat(zgw(verifying.toArray(String[]::new))).as("labels %s, expecting %s", labels, verify)
					.isEqualTo(amtool(file, verify, labels));
			}
		}
	}

	@Test
	void aLabelThatIsNotNameEqualsValueIsRefusedAsBadUsage() throws IOException {
		Path file = Files.writeString(this.dir.resolve("alertmanager.yml"), ROUTES);
		Outcome outcome = zgw("routes-test", file.toString(), "team=~db");
		assertThat(outcome.exit()).isEqualTo(2);
		assertThat(outcome.out()).startsWith("labels must be specified as key=value pairs, got 'team=~db'");
	}

	@Test
	void aRefusedFileIsNamedWithItsBadElement() throws IOException {
		Path file = Files.writeString(this.dir.resolve("alertmanager.yml"),
				ROUTES.replace("receiver: lines", "receiver: line"));
		Outcome outcome = zgw("routes-test", file.toString(), "alertname=X");
		assertThat(outcome.exit()).isOne();
		assertThat(outcome.out())
			.isEqualTo("'" + file + "' refused: route.routes[1].receiver: unknown receiver \"line\"\n");
	}

	@Test
	void withoutAFileItPrintsItsUsage() {
		assertThat(zgw("routes-test")).isEqualTo(new Outcome(2, RoutesTestCommand.USAGE + "\n"));
		assertThat(zgw("routes-test", "f.yml", "--verify-receivers"))
			.isEqualTo(new Outcome(2, RoutesTestCommand.USAGE + "\n"));
		assertThat(zgw("routes-test", "f.yml", "a=b", "--escalation-at"))
			.isEqualTo(new Outcome(2, RoutesTestCommand.USAGE + "\n"));
	}

	@Test
	void listsThePagesOfEachMatchedRoutesEscalationAtAGivenStart() throws IOException {
		// The primary rotation hands over every 40 minutes (bob on call from 09:40 UTC to
		// 10:20, alice until 11:00); only the first route escalates; the chain starts
		// over once, 30 minutes after each round began.
		Path file = Files.writeString(this.dir.resolve("alertmanager.yml"), """
				route:
				  receiver: team
				  routes:
				    - matchers: [severity="critical"]
				      receiver: pager
				      continue: true
				      escalation:
				        - schedule: primary
				        - {after: 10m, round_robin: [manager, dba]}
				        - {after: 30m, repeat: 1}
				    - matchers: [team="db"]
				      receiver: dba
				oncall_schedules:
				  - name: primary
				    rotations:
				      - members: [alice, bob]
				        start: '2026-11-30T09:00:00Z'
				        shift: 40m
				        active_time_intervals: [mornings]
				time_intervals:
				  - name: mornings
				    time_intervals: [{times: [{start_time: '00:00', end_time: '10:30'}]}]
				receivers: [{name: team}, {name: pager}, {name: dba}, {name: alice}, {name: bob}, {name: manager}]
				""");

		Outcome outcome = zgw("routes-test", file.toString(), "--escalation-at", "2026-11-30T10:00:00Z",
				"severity=critical", "team=db");

		assertThat(outcome).isEqualTo(new Outcome(0, """
				pager,dba
				Escalation of route 1 (receiver pager) begun at 2026-11-30T10:00:00Z, if nobody acknowledges:
				  2026-11-30T10:00:00Z  +0s  round 1, step 1: bob (schedule primary)
				  2026-11-30T10:10:00Z  +10m  round 1, step 2: next in turn of manager, dba (round robin)
				  2026-11-30T10:30:00Z  +30m  round 2, step 1: nobody on call (schedule primary)
				  2026-11-30T10:40:00Z  +40m  round 2, step 2: round 1's member of manager, dba (round robin)
				"""));
		assertThat(zgw("routes-test", file.toString(), "--escalation-at", "tonight", "severity=critical").out())
			.startsWith("--escalation-at takes a time such as 2026-12-24T20:00:00Z, got 'tonight'");
	}

}
