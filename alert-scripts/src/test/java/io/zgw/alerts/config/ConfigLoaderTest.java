package io.zgw.alerts.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgw.alerts.escalation.CalendarRotation;
import io.zgw.alerts.escalation.EscalationStep;
import io.zgw.alerts.escalation.OnCallSchedule;
import io.zgw.alerts.escalation.Rotation;
import io.zgw.alerts.escalation.ScheduleOverride;
import io.zgw.alerts.flap.FlapDetection;
import io.zgw.alerts.inhibit.InhibitRule;
import io.zgw.alerts.routing.Route;
import io.zgw.alerts.timeinterval.NamedTimeInterval;
import io.zgw.alerts.timeinterval.TimeInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigLoaderTest {

	static String fixture(String name) {
		try (InputStream in = ConfigLoaderTest.class.getResourceAsStream("/alertmanager/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static AlertmanagerConfig realistic() {
		return ConfigLoader.load(fixture("realistic.yml"));
	}

	private static final String MINIMAL = """
			route:
			  receiver: a
			receivers:
			  - name: a
			""";

	private static void assertRejected(String yaml, String message) {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(yaml)).withMessage(message);
	}

	@Test
	void loadsRealisticConfigWithEveryReceiverAndRule() {
		AlertmanagerConfig config = realistic();
		assertThat(config.receivers()).containsOnlyKeys("default", "pager", "dba", "dba-mail", "dba-slack", "pay-team",
				"blackhole", "never-reached");
		assertThat(config.inhibitRules()).hasSize(2);
		assertThat(config.timeIntervals()).containsOnlyKeys("business-hours", "nights");
		assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(config.notes())
			.anySatisfy((note) -> assertThat(note)
				.isEqualTo("templates[0]: /etc/alertmanager/templates/*.tmpl matches no file"))
			.noneSatisfy((note) -> assertThat(note).contains("icon_emoji"));
	}

	@Test
	void reportsUnsupportedIntegrationsByReceiverAndType() {
		assertThat(realistic().unsupportedIntegrations())
			.containsExactly(new UnsupportedIntegration("dba", "mattermost", "receivers[2].mattermost_configs[0]"));
		assertThat(realistic().receiver("dba").unsupportedTypes()).containsExactly("mattermost");
		assertThat(realistic().receiver("pager").unsupportedTypes()).isEmpty();
	}

	@Test
	void readsJiraEntriesWithAlertmanagersDefaultsAndChecks() {
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  jira_api_url: https://example.atlassian.net/rest/api/2
				route:
				  receiver: a
				receivers:
				  - name: a
				    jira_configs:
				      - project: DBA
				        issue_type: Incident
				        labels: [database, '{{ .CommonLabels.team }}']
				        reopen_duration: 1d
				        fields: {customfield_10001: {value: red}, customfield_10002: 3}
				      - api_url: https://jira.example.com/rest/api/2
				        api_type: datacenter
				        project: OPS
				        issue_type: Task
				        send_resolved: false
				        http_config: {authorization: {credentials: p4t}}
				""");
		JiraConfig cloud = (JiraConfig) config.receiver("a").integrations().get(0);
		assertThat(cloud.type()).isEqualTo("jira");
		assertThat(cloud.apiUrl()).isEqualTo("https://example.atlassian.net/rest/api/2");
		assertThat(cloud.cloud()).isTrue();
		assertThat(cloud.apiVersion3()).isFalse();
		assertThat(cloud.project()).hasToString("DBA");
		assertThat(cloud.summary()).hasToString(JiraConfig.DEFAULTS.get("summary"));
		assertThat(cloud.priority()).hasToString(JiraConfig.DEFAULTS.get("priority"));
		assertThat(cloud.labels()).hasSize(2);
		assertThat(cloud.reopenDuration()).isEqualTo(Duration.ofDays(1));
		assertThat(cloud.fields()).containsOnlyKeys("customfield_10001", "customfield_10002");
		assertThat(cloud.fields().get("customfield_10001")).isInstanceOfSatisfying(TemplatedValue.Mapping.class,
				(mapping) -> assertThat(mapping.members()).singleElement().satisfies((member) -> {
					assertThat(member.key()).hasToString("value");
					assertThat(member.value()).isInstanceOfSatisfying(TemplatedValue.Text.class,
							(text) -> assertThat(text.template()).hasToString("red"));
				}));
		assertThat(cloud.fields().get("customfield_10002"))
			.isEqualTo(new TemplatedValue.Literal(JsonNodeFactory.instance.numberNode(3)));
		assertThat(cloud.sendResolved()).isTrue();
		JiraConfig dataCenter = (JiraConfig) config.receiver("a").integrations().get(1);
		assertThat(dataCenter.cloud()).isFalse();
		assertThat(dataCenter.sendResolved()).isFalse();
		assertThat(dataCenter.toString()).doesNotContain("p4t");
		assertThat(config.unsupportedIntegrations()).isEmpty();

		String entry = "route: {receiver: a}\nreceivers:\n  - name: a\n    jira_configs: [%s]\n";
		assertRejected(entry.formatted("{project: DBA, issue_type: Incident}"),
				"receivers[0].jira_configs[0].api_url: no global Jira Cloud URL set");
		assertRejected(entry.formatted("{api_url: 'https://j/rest/api/2', issue_type: Incident}"),
				"receivers[0].jira_configs[0].project: missing project in jira_config");
		assertRejected(entry.formatted("{api_url: 'https://j/rest/api/2', project: DBA}"),
				"receivers[0].jira_configs[0].issue_type: missing issue_type in jira_config");
		assertRejected(entry.formatted("{api_url: 'https://j/rest/api/2', project: DBA, issue_type: I, api_type: x}"),
				"receivers[0].jira_configs[0].api_type: unknown api_type on jira_config, must be auto, cloud or "
						+ "datacenter");
		assertRejected(
				entry.formatted("{api_url: 'https://j/rest/api/2', project: D, issue_type: I, "
						+ "fields: {customfield_1: [{value: '{{ .Nope'}]}}"),
				"receivers[0].jira_configs[0].fields.customfield_1[0].value: unclosed action at 1:1");
		assertRejected(entry.formatted("{api_url: 'j/rest', project: DBA, issue_type: I}"),
				"receivers[0].jira_configs[0].api_url: api_url must be an absolute http or https URL");
	}

	@Test
	void readsIncidentioEntriesWithTheAlertSourceTokenAsBearerToken(@TempDir Path dir) throws IOException {
		Path token = Files.writeString(dir.resolve("source-token"), "fi1e-t0ken\n");
		Path url = Files.writeString(dir.resolve("source-url"), "https://api.incident.io/v2/alert_events/http/02\n");
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  http_config:
				    proxy_url: http://proxy.example:3128
				route:
				  receiver: a
				receivers:
				  - name: a
				    incidentio_configs:
				      - url: https://api.incident.io/v2/alert_events/http/01
				        alert_source_token: s0urce-t0ken
				        max_alerts: 20
				        timeout: 1m30s
				      - url_file: %s
				        alert_source_token_file: %s
				        send_resolved: false
				      - url: https://api.incident.io/v2/alert_events/http/03
				        http_config:
				          authorization:
				            credentials: own-t0ken
				""".formatted(url, token));
		List<Integration> entries = config.receiver("a").integrations();
		// The token replaces the global http_config's authentication and keeps the rest.
		assertThat(entries.get(0))
			.isEqualTo(new IncidentioConfig("https://api.incident.io/v2/alert_events/http/01", true, 20,
					Duration.ofSeconds(90), new HttpClientConfig(new HttpAuth.Authorization("Bearer", "s0urce-t0ken"),
							null, URI.create("http://proxy.example:3128"), true, true)));
		assertThat(entries.get(0).type()).isEqualTo("incidentio");
		assertThat(entries.get(0).maxAlerts()).isEqualTo(20);
		assertThat(entries.get(0).toString()).doesNotContain("s0urce-t0ken").doesNotContain("/http/01");
		IncidentioConfig fromFiles = (IncidentioConfig) entries.get(1);
		assertThat(fromFiles.url()).isEqualTo("https://api.incident.io/v2/alert_events/http/02");
		assertThat(fromFiles.http().auth()).isEqualTo(new HttpAuth.Authorization("Bearer", "fi1e-t0ken"));
		assertThat(fromFiles.sendResolved()).isFalse();
		assertThat(fromFiles.timeout()).isNull();
		assertThat(((IncidentioConfig) entries.get(2)).http().auth())
			.isEqualTo(new HttpAuth.Authorization("Bearer", "own-t0ken"));
		assertThat(config.unsupportedIntegrations()).isEmpty();

		String entry = MINIMAL + "    incidentio_configs: [%s]\n";
		assertRejected(entry.formatted("{alert_source_token: t}"),
				"receivers[0].incidentio_configs[0].url: one of url or url_file must be configured");
		assertRejected(entry.formatted("{url: 'incident.io/x', alert_source_token: t}"),
				"receivers[0].incidentio_configs[0].url: url must be an absolute http or https URL");
		assertRejected(
				entry.formatted("{url: 'https://i.example/x', alert_source_token: t, alert_source_token_file: f}"),
				"receivers[0].incidentio_configs[0].alert_source_token_file: at most one of alert_source_token and "
						+ "alert_source_token_file must be configured");
		assertRejected(entry.formatted(
				"{url: 'https://i.example/x', alert_source_token: t, http_config: {authorization: {credentials: c}}}"),
				"receivers[0].incidentio_configs[0].alert_source_token: cannot specify alert_source_token or "
						+ "alert_source_token_file when using http_config.authorization");
		assertRejected(entry.formatted("{url: 'https://i.example/x', http_config: {follow_redirects: false}}"),
				"receivers[0].incidentio_configs[0].alert_source_token: at least one of alert_source_token, "
						+ "alert_source_token_file or http_config.authorization must be configured");
		assertRejected(entry.formatted("{url: 'https://i.example/x', alert_source_token: t, timeout: soon}"),
				"receivers[0].incidentio_configs[0].timeout: time: invalid duration \"soon\"");
		assertRejected(entry.formatted("{url: 'https://i.example/x', alert_source_token: t, timeout: -1s}"),
				"receivers[0].incidentio_configs[0].timeout: must not be negative, got -1s");
		// As in Alertmanager, an entry without http_config of its own may go without a
		// token (the alert source may not ask for one).
		assertThat(ConfigLoader.load(entry.formatted("{url: 'https://i.example/x'}")).receiver("a").integrations())
			.singleElement()
			.satisfies((open) -> assertThat(((IncidentioConfig) open).http()).isEqualTo(HttpClientConfig.NONE));
	}

	@Test
	void readsAReceiversRateLimitAndNamesWhatIsWrongWithOne() {
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + "    rate_limit: {max: 10, per: 1h}\n");
		assertThat(config.receiver("a").rateLimit()).isEqualTo(new RateLimit(10, Duration.ofHours(1)));
		assertThat(ConfigLoader.load(MINIMAL).receiver("a").rateLimit()).isNull();
		assertRejected(MINIMAL + "    rate_limit: {per: 1h}\n",
				"receivers[0].rate_limit.max: rate_limit.max must be a whole number of notifications, at least 1");
		assertRejected(MINIMAL + "    rate_limit: {max: 0, per: 1h}\n",
				"receivers[0].rate_limit.max: rate_limit.max must be a whole number of notifications, at least 1");
		assertRejected(MINIMAL + "    rate_limit: {max: 5}\n",
				"receivers[0].rate_limit.per: rate_limit.per must be a positive duration, such as 1h");
		assertRejected(MINIMAL + "    rate_limit: {max: 5, per: 1h, burst: 2}\n",
				"receivers[0].rate_limit.burst: field burst not found in receivers[0].rate_limit");
	}

	private static final String ESCALATING = """
			route:
			  receiver: team
			  escalation:
			    - schedule: dba
			    - {after: 15m, receiver: manager}
			  routes:
			    - matchers: [service=batch]
			      escalation: []
			    - matchers: [service=db]
			oncall_schedules:
			  - name: dba
			    location: Europe/Berlin
			    rotations:
			      - {members: [alice, bob], start: '2026-01-05T09:00:00', shift: 1w}
			    overrides:
			      - {receiver: bob, start: '2026-12-24T00:00:00', end: '2026-12-27T00:00:00+01:00'}
			receivers: [{name: team}, {name: alice}, {name: bob}, {name: manager}]
			""";

	@Test
	void readsOnCallSchedulesAndInheritedEscalationSteps() {
		AlertmanagerConfig config = ConfigLoader.load(ESCALATING);
		OnCallSchedule dba = config.schedules().get("dba");
		assertThat(dba.rotations()).singleElement().isInstanceOfSatisfying(Rotation.class, (rotation) -> {
			assertThat(rotation.members()).containsExactly("alice", "bob");
			assertThat(rotation.start()).isEqualTo(ZonedDateTime.parse("2026-01-05T09:00:00+01:00[Europe/Berlin]"));
			assertThat(rotation.shift()).isEqualTo(Duration.ofDays(7));
		});
		assertThat(dba.overrides()).singleElement()
			.isEqualTo(new ScheduleOverride("bob", Instant.parse("2026-12-23T23:00:00Z"),
					Instant.parse("2026-12-26T23:00:00Z")));
		List<EscalationStep> steps = List.of(new EscalationStep(Duration.ZERO, null, "dba"),
				new EscalationStep(Duration.ofMinutes(15), "manager", null));
		assertThat(config.route().options().escalation()).isEqualTo(steps);
		assertThat(config.route().routes().get(0).options().escalation()).isEmpty();
		assertThat(config.route().routes().get(1).options().escalation()).isEqualTo(steps);
		assertThat(ConfigLoader.load(MINIMAL).route().options().escalation()).isEmpty();
	}

	@Test
	void readsAStepThatStartsTheChainOverAndNamesWhatIsWrongWithIt() {
		String repeating = ESCALATING.replace("{after: 15m, receiver: manager}\n",
				"{after: 15m, receiver: manager}\n    - {after: 1h, repeat: 3}\n");
		assertThat(ConfigLoader.load(repeating).route().options().escalation()).containsExactly(
				new EscalationStep(Duration.ZERO, null, "dba"),
				new EscalationStep(Duration.ofMinutes(15), "manager", null),
				EscalationStep.startOver(Duration.ofHours(1), 3));

		assertRejected(repeating.replace("repeat: 3", "repeat: 0"),
				"route.escalation[2].repeat: repeat must be a whole number of times from 1 to 100");
		assertRejected(repeating.replace("{after: 1h, repeat: 3}", "{after: 1h, repeat: 3, receiver: team}"),
				"route.escalation[2]: an escalation step that repeats the chain names no receiver, schedule or "
						+ "round_robin list");
		assertRejected(repeating.replace("{after: 1h, repeat: 3}", "{after: 15m, repeat: 3}"),
				"route.escalation[2].after: the step that repeats the chain needs a step before it, and an after "
						+ "later than that step's: it is how long one round of the chain lasts");
		assertRejected(
				repeating.replace("{after: 1h, repeat: 3}",
						"{after: 1h, repeat: 3}\n    - {after: 2h, receiver: team}"),
				"route.escalation[2].repeat: only the last escalation step may repeat the chain");
		assertRejected(
				ESCALATING.replace("- schedule: dba\n    - {after: 15m, receiver: manager}",
						"- {after: 1h, repeat: 3}"),
				"route.escalation[0].after: the step that repeats the chain needs a step before it, and an after "
						+ "later than that step's: it is how long one round of the chain lasts");
	}

	@Test
	void readsARoundRobinStepAndNamesWhatIsWrongWithIt() {
		String roundRobin = ESCALATING.replace("{after: 15m, receiver: manager}",
				"{after: 15m, round_robin: [alice, manager]}");
		assertThat(ConfigLoader.load(roundRobin).route().options().escalation().get(1))
			.isEqualTo(EscalationStep.roundRobin(Duration.ofMinutes(15), List.of("alice", "manager")));

		assertRejected(roundRobin.replace("[alice, manager]", "[alice, boss]"),
				"route.escalation[1].round_robin[1]: unknown receiver \"boss\"");
		assertRejected(roundRobin.replace("[alice, manager]", "[alice, manager, alice]"),
				"route.escalation[1].round_robin[2]: \"alice\" is in the round_robin list twice");
		assertRejected(roundRobin.replace("[alice, manager]", "[]"),
				"route.escalation[1].round_robin: a round_robin list names at least one receiver");
		assertRejected(roundRobin.replace("round_robin: [alice, manager]", "round_robin: [alice], receiver: team"),
				"route.escalation[1]: an escalation step names one of a receiver, a schedule or a round_robin list, "
						+ "or repeats the chain");
	}

	@Test
	void namesWhatIsWrongWithASchedulesOrAnEscalationStep() {
		assertRejected(ESCALATING.replace("schedule: dba\n", "schedule: dbas\n"),
				"route.escalation[0].schedule: unknown on-call schedule \"dbas\"");
		assertRejected(ESCALATING.replace("receiver: manager}", "receiver: boss}"),
				"route.escalation[1].receiver: unknown receiver \"boss\"");
		assertRejected(ESCALATING.replace("{after: 15m, receiver: manager}", "{after: 15m}"),
				"route.escalation[1]: an escalation step names one of a receiver, a schedule or a round_robin list, "
						+ "or repeats the chain");
		assertRejected(ESCALATING.replace("- schedule: dba\n", "- {after: 20m, schedule: dba}\n"),
				"route.escalation[1].after: escalation steps must be in order of after: PT15M comes after PT20M");
		assertRejected(ESCALATING.replace("[alice, bob]", "[alice, bobby]"),
				"oncall_schedules[0].rotations[0].members[1]: unknown receiver \"bobby\"");
		assertRejected(ESCALATING.replace("'2026-01-05T09:00:00'", "'next monday'"),
				"oncall_schedules[0].rotations[0].start: expected a time such as 2026-01-05T09:00:00 (in the "
						+ "schedule's location) or 2026-01-05T09:00:00+01:00, got \"next monday\"");
		assertRejected(ESCALATING.replace("shift: 1w", "shift: 0s"),
				"oncall_schedules[0].rotations[0].shift: a rotation needs a positive shift, such as 1w or 12h");
		assertRejected(ESCALATING.replace("end: '2026-12-27T00:00:00+01:00'", "end: '2026-12-23T00:00:00'"),
				"oncall_schedules[0].overrides[0].end: an override must end after it starts");
		assertRejected(ESCALATING.replace("location: Europe/Berlin", "location: Mars/Olympus"),
				"oncall_schedules[0].location: unknown time zone \"Mars/Olympus\"");
		assertRejected(ESCALATING.replace("receivers: [", "  - {name: dba, rotations: []}\nreceivers: ["),
				"oncall_schedules[1].name: on-call schedule \"dba\" is not unique");
	}

	@Test
	void readsARotationFromACalendarFileRelativeToTheConfigurationAndWatchesIt(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("dba.ics"), """
				BEGIN:VCALENDAR
				BEGIN:VEVENT
				UID:swap-1
				SUMMARY:On call - bob - DBA primary
				DTSTART;TZID=Europe/Berlin:20261228T090000
				DTEND;TZID=Europe/Berlin:20261229T090000
				END:VEVENT
				END:VCALENDAR
				""");
		String yaml = ESCALATING.replace("      - {members: [alice, bob], start: '2026-01-05T09:00:00', shift: 1w}\n",
				"      - {members: [alice], start: '2026-01-05T09:00:00', shift: 1w}\n"
						+ "      - {calendar_file: dba.ics, member_pattern: 'On call - (.+) - DBA primary'}\n");
		Path file = dir.resolve("alertmanager.yml");
		Files.writeString(file, yaml);
		AlertmanagerConfig config = ConfigLoader.load(file);
		assertThat(config.files()).contains(dir.resolve("dba.ics"));
		OnCallSchedule dba = config.schedules().get("dba");
		assertThat(dba.rotations().get(1)).isInstanceOf(CalendarRotation.class);
		// The calendar, listed after the rotation, takes over while its event lasts.
		assertThat(dba.onCall(Instant.parse("2026-12-28T07:59:59Z"))).contains("alice");
		assertThat(dba.onCall(Instant.parse("2026-12-28T08:00:00Z"))).contains("bob");
		assertThat(dba.onCall(Instant.parse("2026-12-29T08:00:00Z"))).contains("alice");

		String path = "oncall_schedules[0].rotations[1].";
		assertRejectedFile(file, yaml.replace("On call - (.+) - DBA primary", "On call - (.+) - DBA second"),
				path + "calendar_file: dba.ics: line 4: summary \"On call - bob - DBA primary\" does not match "
						+ "member_pattern On call - (.+) - DBA second");
		assertRejectedFile(file, yaml.replace("On call - (.+) - DBA primary", "On call - (.+)"),
				path + "calendar_file: dba.ics: line 4: summary \"On call - bob - DBA primary\" names no receiver "
						+ "(\"bob - DBA primary\" is not defined in receivers)");
		assertRejectedFile(file, yaml.replace("On call - (.+) - DBA primary", "On call ("),
				path + "member_pattern: invalid regular expression: Unclosed group");
		assertRejectedFile(file, yaml.replace("On call - (.+) - DBA primary", "On call - bob - DBA primary"),
				path + "member_pattern: needs a group capturing the receiver name, such as 'On call: (.+)'");
		assertRejectedFile(file, yaml.replace("calendar_file: dba.ics", "calendar_file: missing.ics"),
				path + "calendar_file: cannot read missing.ics: NoSuchFileException");
		assertRejectedFile(file, yaml.replace("calendar_file: dba.ics,", "calendar_file: dba.ics, shift: 1w,"),
				path + "shift: field shift not found in oncall_schedules[0].rotations");
		Files.writeString(dir.resolve("dba.ics"), "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
		assertRejectedFile(file, yaml, path + "calendar_file: dba.ics: the calendar has no events");
	}

	@Test
	void readsARotationFromACalendarUrlThroughTheFetcherNamingOnlyItsHostInMessages() {
		String yaml = ESCALATING.replace("      - {members: [alice, bob], start: '2026-01-05T09:00:00', shift: 1w}\n",
				"      - {calendar_url: 'https://calendar.example.com/private-s3cr3t/basic.ics'}\n");
		List<URI> fetched = new ArrayList<>();
		CalendarFetcher calendar = (source) -> {
			fetched.add(source.url());
			return "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:bob\nDTSTART:20261228T080000Z\nDURATION:P1D\n"
					+ "END:VEVENT\nEND:VCALENDAR\n";
		};
		AlertmanagerConfig config = ConfigLoader.load(yaml, Path.of(""), calendar);
		assertThat(fetched).containsExactly(URI.create("https://calendar.example.com/private-s3cr3t/basic.ics"));
		assertThat(config.schedules().get("dba").onCall(Instant.parse("2026-12-28T12:00:00Z"))).contains("bob");

		// A service may publish an empty schedule: loaded, with a note.
		AlertmanagerConfig empty = ConfigLoader.load(yaml, Path.of(""), (source) -> "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
		assertThat(empty.schedules().get("dba").onCall(Instant.parse("2026-12-28T12:00:00Z"))).isEmpty();
		assertThat(empty.notes()).containsExactly("oncall_schedules[0].rotations[0].calendar_url: the calendar from "
				+ "calendar.example.com has no events: it puts nobody on call");

		String path = "oncall_schedules[0].rotations[0].calendar_url: ";
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(yaml))
			.withMessage(path + "cannot fetch the calendar from calendar.example.com: calendar URLs are fetched by "
					+ "the running gateway and its commands only");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(yaml, Path.of(""), (source) -> "BEGIN:VCALENDAR\nEND:VEVENT\n"))
			.withMessage(path + "the calendar from calendar.example.com: line 2: END:VEVENT closes BEGIN:VCALENDAR "
					+ "(line 1)");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(yaml.replace("https://", "ftp://"), Path.of(""), calendar))
			.withMessage(path + "calendar_url must be an http, https or webcal URL with a host");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(yaml.replace("{calendar_url:", "{calendar_file: a.ics, calendar_url:"),
					Path.of(""), calendar))
			.withMessage(path + "a rotation reads one calendar: calendar_file or calendar_url");
	}

	@Test
	void readsACalendarUrlFromAFileSoTheSecretStaysOutOfTheRoutingFile(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("dba-calendar-url"), "https://calendar.example.com/private-s3cr3t/basic.ics\n");
		String yaml = ESCALATING.replace("      - {members: [alice, bob], start: '2026-01-05T09:00:00', shift: 1w}\n",
				"      - {calendar_url_file: dba-calendar-url}\n");
		List<URI> fetched = new ArrayList<>();
		AlertmanagerConfig config = ConfigLoader.load(yaml, dir, (source) -> {
			fetched.add(source.url());
			return "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:bob\nDTSTART:20261228T080000Z\nDURATION:P1D\n"
					+ "END:VEVENT\nEND:VCALENDAR\n";
		});
		assertThat(fetched).containsExactly(URI.create("https://calendar.example.com/private-s3cr3t/basic.ics"));
		assertThat(config.files()).contains(dir.resolve("dba-calendar-url"));
		assertThat(config.schedules().get("dba").onCall(Instant.parse("2026-12-28T12:00:00Z"))).contains("bob");
	}

	@Test
	void maskedShowsEverySecretAsAlertmanagerDoesAndKeepsTheRest() {
		String yaml = """
				global:
				  smtp_auth_password: Sm7p
				  slack_api_url_file: /etc/secrets/slack
				route: {receiver: team}
				receivers:
				  - name: team
				    webhook_configs:
				      - url: 'https://hooks.example.com/T0k3n'
				        http_config:
				          basic_auth: {username: zgw, password: B4sic}
				      - url: 'https://hooks.example.com/other'
				        http_config:
				          basic_auth: {username: zgw, password: 8675309123}
				      - url: 'https://hooks.example.com/third'
				        http_config: {bearer_token: 271828182845}
				    slack_configs:
				      - api_url: 'https://hooks.slack.com/services/S1ack'
				        channel: '#ops'
				    pagerduty_configs:
				      - routing_key: R0ut1ng
				        url: ''
				    sns_configs:
				      - topic_arn: arn:aws:sns:eu-west-1:1:t
				        sigv4: {access_key: AKIA, secret_key: S1gv4}
				    mattermost_configs:
				      - webhook_url: 'https://chat.example.com/hooks/M4tter'
				""";
		String masked = ConfigLoader.masked(yaml);
		assertThat(masked)
			.doesNotContain("Sm7p", "T0k3n", "B4sic", "S1ack", "R0ut1ng", "S1gv4", "M4tter", "8675309123",
					"271828182845")
			.contains("smtp_auth_password: \"<secret>\"", "password: \"<secret>\"", "routing_key: \"<secret>\"",
					"url: \"http://<secret>/\"", "api_url: \"http://<secret>/\"", "webhook_url: \"http://<secret>/\"")
			.contains("slack_api_url_file: \"/etc/secrets/slack\"", "username: \"zgw\"", "channel: \"#ops\"",
					"access_key: \"AKIA\"", "url: \"\"");
		// Still a configuration that loads, receivers and routes as they were.
		assertThat(ConfigLoader.load(masked.replace("slack_api_url_file: \"/etc/secrets/slack\"", ""))
			.receivers()
			.keySet()).containsExactly("team");
	}

	@Test
	void aCalendarUrlIsFetchedWithTheRotationsHttpConfig(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("opsgenie-key"), "k3y\n");
		String yaml = ESCALATING.replace("      - {members: [alice, bob], start: '2026-01-05T09:00:00', shift: 1w}\n",
				"""
						      - calendar_url: 'https://api.opsgenie.com/v2/schedules/dba.ics'
						        http_config:
						          authorization: {type: GenieKey, credentials_file: opsgenie-key}
						          proxy_url: 'http://proxy.example.com:3128'
						""");
		List<CalendarSource> fetched = new ArrayList<>();
		AlertmanagerConfig config = ConfigLoader.load(yaml, dir, (source) -> {
			fetched.add(source);
			return "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:bob\nDTSTART:20261228T080000Z\nDURATION:P1D\n"
					+ "END:VEVENT\nEND:VCALENDAR\n";
		});
		CalendarSource expected = new CalendarSource(URI.create("https://api.opsgenie.com/v2/schedules/dba.ics"),
				new HttpClientConfig(new HttpAuth.Authorization("GenieKey", "k3y"), null,
						URI.create("http://proxy.example.com:3128"), true, true));
		assertThat(fetched).containsExactly(expected);
		assertThat(config.calendars()).containsExactly(expected);
		assertThat(config.files()).contains(dir.resolve("opsgenie-key"));

		String path = "oncall_schedules[0].rotations[0].";
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(yaml
				.replace("calendar_url: 'https://api.opsgenie.com/v2/schedules/dba.ics'", "calendar_file: dba.ics"),
					dir, CalendarFetcher.NONE))
			.withMessage(path + "http_config: http_config is for fetching a calendar_url, not a calendar_file");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(
					yaml.replace("authorization:", "basic_auth: {username: a}\n          authorization:"), dir,
					CalendarFetcher.NONE))
			.withMessageStartingWith(path + "http_config.basic_auth: at most one of basic_auth");
	}

	private static void assertRejectedFile(Path file, String yaml, String message) throws IOException {
		Files.writeString(file, yaml);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(file)).withMessage(message);
	}

	@Test
	void readsInheritedFlapDetectionAndNamesWhatIsWrongWithIt() {
		String yaml = """
				route:
				  receiver: a
				  flap_detection: {starts: 3, within: 1h}
				  routes:
				    - matchers: [service=db]
				      flap_detection: {starts: 4, within: 2h, calm: 10m}
				    - matchers: [service=batch]
				      flap_detection: false
				    - matchers: [service=web]
				receivers: [{name: a}]
				""";
		AlertmanagerConfig config = ConfigLoader.load(yaml);
		assertThat(config.route().options().flapDetection())
			.isEqualTo(new FlapDetection(3, Duration.ofHours(1), Duration.ofHours(1)));
		assertThat(config.route().routes()).extracting((route) -> route.options().flapDetection())
			.containsExactly(new FlapDetection(4, Duration.ofHours(2), Duration.ofMinutes(10)), FlapDetection.OFF,
					new FlapDetection(3, Duration.ofHours(1), Duration.ofHours(1)));
		assertThat(ConfigLoader.load(MINIMAL).route().options().flapDetection()).isEqualTo(FlapDetection.OFF);
		assertRejected(yaml.replace("{starts: 3, within: 1h}", "{starts: 1, within: 1h}"),
				"route.flap_detection.starts: flap_detection.starts must be a whole number of starts, at least 2");
		assertRejected(yaml.replace("{starts: 3, within: 1h}", "{starts: 3}"),
				"route.flap_detection.within: flap_detection.within must be a positive duration, such as 1h");
		assertRejected(yaml.replace("{starts: 3, within: 1h}", "{starts: 3, within: 1h, window: 2h}"),
				"route.flap_detection.window: field window not found in route.flap_detection");
		assertRejected(yaml.replace("flap_detection: false", "flap_detection: maybe"),
				"route.routes[1].flap_detection: expected true or false, got \"maybe\"");
	}

	@Test
	void readsAWebhookTimeoutAsAlertmanager028() {
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL
				+ "    webhook_configs: [{url: 'http://h/1', timeout: 2s}, {url: 'http://h/2', timeout: 0s}]\n");
		assertThat(config.receiver("a").integrations()).extracting((hook) -> ((WebhookConfig) hook).timeout())
			.containsExactly(Duration.ofSeconds(2), null);
		assertThat(config.notes()).noneMatch((note) -> note.contains("timeout"));
	}

	@Test
	void readsRocketChatEntriesWithCredentialsFromTheEntryOrTheGlobalSection(@TempDir Path dir) throws IOException {
		Path token = Files.writeString(dir.resolve("rc-token"), "fi1e-t0ken\n");
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  rocketchat_api_url: https://chat.example.com/
				  rocketchat_token: g10bal-t0ken
				  rocketchat_token_id: g10bal-user
				route:
				  receiver: a
				receivers:
				  - name: a
				    rocketchat_configs:
				      - channel: '#ops'
				        link_names: true
				        fields: [{title: Host, value: '{{ .CommonLabels.host }}'}]
				        actions: [{type: button, text: Runbook, url: 'https://runbooks.example'}]
				      - api_url: https://other.example.com/chat
				        token_file: %s
				        token_id: own-user
				        send_resolved: true
				""".formatted(token));
		RocketChatConfig inherited = (RocketChatConfig) config.receiver("a").integrations().get(0);
		assertThat(inherited.type()).isEqualTo("rocketchat");
		assertThat(inherited.apiUrl()).isEqualTo("https://chat.example.com/");
		assertThat(inherited.token()).isEqualTo("g10bal-t0ken");
		assertThat(inherited.tokenId()).isEqualTo("g10bal-user");
		assertThat(inherited.channel()).hasToString("#ops");
		assertThat(inherited.title()).hasToString(RocketChatConfig.DEFAULTS.get("title"));
		assertThat(inherited.fields()).singleElement().satisfies((field) -> assertThat(field.isShort()).isFalse());
		assertThat(inherited.actions()).singleElement()
			.satisfies((action) -> assertThat(action.url()).hasToString("https://runbooks.example"));
		assertThat(inherited.sendResolved()).isFalse();
		assertThat(inherited.toString()).doesNotContain("g10bal-t0ken").doesNotContain("g10bal-user");
		RocketChatConfig own = (RocketChatConfig) config.receiver("a").integrations().get(1);
		assertThat(own.apiUrl()).isEqualTo("https://other.example.com/chat");
		assertThat(own.token()).isEqualTo("fi1e-t0ken");
		assertThat(own.tokenId()).isEqualTo("own-user");
		assertThat(own.sendResolved()).isTrue();
		assertThat(config.unsupportedIntegrations()).isEmpty();
		assertThat(config.notes()).contains("receivers[0].rocketchat_configs[0].link_names: accepted and ignored");
		assertThat(ConfigLoader.load(MINIMAL + "    rocketchat_configs: [{token: t, token_id: u}]\n")
			.receiver("a")
			.integrations()).singleElement()
			.satisfies(
					(entry) -> assertThat(((RocketChatConfig) entry).apiUrl()).isEqualTo("https://open.rocket.chat/"));

		assertRejected(MINIMAL + "    rocketchat_configs: [{token: t}]\n",
				"receivers[0].rocketchat_configs[0].token_id: no global Rocketchat TokenID set either inline or in a file");
		assertRejected(MINIMAL + "    rocketchat_configs: [{token_id: u}]\n",
				"receivers[0].rocketchat_configs[0].token: no global Rocketchat Token set either inline or in a file");
		assertRejected(MINIMAL + "    rocketchat_configs: [{token: t, token_file: " + token + ", token_id: u}]\n",
				"receivers[0].rocketchat_configs[0].token_file: at most one of token and token_file must be configured");
		assertRejected(MINIMAL + "    rocketchat_configs: [{token: t, token_id: u, api_url: 'chat:3000'}]\n",
				"receivers[0].rocketchat_configs[0].api_url: api_url must be an absolute http or https URL");
		assertRejected(
				MINIMAL + "    rocketchat_configs: [{token: t, token_id: u, actions: [{text: x, image_url: y}]}]\n",
				"receivers[0].rocketchat_configs[0].actions[0].image_url: field image_url not found in "
						+ "receivers[0].rocketchat_configs[0].actions");
	}

	@Test
	void readsMicrosoftTeamsEntriesOfBothKindsAsAlertmanagerDoes(@TempDir Path dir) throws IOException {
		Path url = Files.writeString(dir.resolve("teams-url"),
				"https://example.logic.azure.com/workflows/x?sig=s3cr3t\n");
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + """
				    msteams_configs:
				      - webhook_url: https://example.webhook.office.com/webhookb2/x
				        title: '{{ .Status }}'
				    msteamsv2_configs:
				      - webhook_url_file: %s
				        send_resolved: false
				        summary: not read by the workflow card
				""".formatted(url));
		MsTeamsConfig card = (MsTeamsConfig) config.receiver("a").integrations().get(0);
		assertThat(card.type()).isEqualTo("msteams");
		assertThat(card.webhookUrl()).isEqualTo("https://example.webhook.office.com/webhookb2/x");
		assertThat(card.title()).hasToString("{{ .Status }}");
		assertThat(card.summary()).hasToString(MsTeamsConfig.DEFAULTS.get("summary"));
		assertThat(card.text()).hasToString(MsTeamsConfig.DEFAULTS.get("text"));
		assertThat(card.sendResolved()).isTrue();
		MsTeamsConfig workflow = (MsTeamsConfig) config.receiver("a").integrations().get(1);
		assertThat(workflow.type()).isEqualTo("msteamsv2");
		assertThat(workflow.webhookUrl()).isEqualTo("https://example.logic.azure.com/workflows/x?sig=s3cr3t");
		assertThat(workflow.title()).hasToString(MsTeamsConfig.V2_DEFAULTS.get("title"));
		assertThat(workflow.summary()).isNull();
		assertThat(workflow.sendResolved()).isFalse();
		assertThat(workflow.toString()).doesNotContain("s3cr3t");
		assertThat(config.unsupportedIntegrations()).isEmpty();
		assertThat(config.notes()).contains("receivers[0].msteamsv2_configs[0].summary: accepted and ignored");

		assertRejected(MINIMAL + "    msteams_configs: [{title: t}]\n",
				"receivers[0].msteams_configs[0].webhook_url: one of webhook_url or webhook_url_file must be configured");
		assertRejected(MINIMAL + "    msteamsv2_configs: [{webhook_url: 'https://x', webhook_url_file: " + url + "}]\n",
				"receivers[0].msteamsv2_configs[0].webhook_url_file: "
						+ "at most one of webhook_url and webhook_url_file must be configured");
	}

	@Test
	void readsOpsgenieConfigWithGlobalKeyAndAlertmanagersChecks() {
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  opsgenie_api_key: global-key
				  opsgenie_api_url: https://api.eu.opsgenie.com
				route:
				  receiver: a
				receivers:
				  - name: a
				    opsgenie_configs:
				      - responders: [{name: dba, type: Team}]
				      - api_key: own-key
				        api_url: https://opsgenie.internal/
				        update_alerts: true
				        send_resolved: false
				""");
		OpsgenieConfig inherits = (OpsgenieConfig) config.receiver("a").integrations().get(0);
		assertThat(inherits.apiKey()).isEqualTo("global-key");
		assertThat(inherits.apiUrl()).isEqualTo("https://api.eu.opsgenie.com/");
		assertThat(inherits.message()).hasToString(OpsgenieConfig.DEFAULTS.get("message"));
		assertThat(inherits.responders()).singleElement()
			.satisfies((responder) -> assertThat(responder.type()).hasToString("team"));
		assertThat(inherits.sendResolved()).isTrue();
		assertThat(inherits.toString()).doesNotContain("global-key");
		OpsgenieConfig own = (OpsgenieConfig) config.receiver("a").integrations().get(1);
		assertThat(own)
			.extracting(OpsgenieConfig::apiKey, OpsgenieConfig::apiUrl, OpsgenieConfig::updateAlerts,
					OpsgenieConfig::sendResolved)
			.containsExactly("own-key", "https://opsgenie.internal/", true, false);

		assertRejected(MINIMAL + "    opsgenie_configs: [{message: m}]\n",
				"receivers[0].opsgenie_configs[0].api_key: no global OpsGenie API Key set either inline or in a file");
		assertRejected(MINIMAL + "    opsgenie_configs: [{api_key: k, responders: [{type: team}]}]\n",
				"receivers[0].opsgenie_configs[0].responders[0]: "
						+ "opsGenieConfig responder has to have at least one of id, username or name specified");
		assertRejected(MINIMAL + "    opsgenie_configs: [{api_key: k, responders: [{name: x, type: bogus}]}]\n",
				"receivers[0].opsgenie_configs[0].responders[0].type: opsGenieConfig responder type does not "
						+ "match valid options ^(team|teams|user|escalation|schedule)$");
	}

	@Test
	void readsPagerdutyEventsV2AndV1ConfigsWithAlertmanagersDefaults() {
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  pagerduty_url: https://pd-proxy.example/v2/enqueue
				route:
				  receiver: a
				receivers:
				  - name: a
				    pagerduty_configs:
				      - routing_key: k1-secret
				        details: {firing: custom, runbook: 'https://runbooks.example'}
				      - routing_key: k2-secret
				        url: https://events.eu.pagerduty.com/v2/enqueue
				        source: db
				        send_resolved: false
				      - service_key: v1-secret
				        routing_key: ignored-for-v1
				""");
		List<Integration> integrations = config.receiver("a").integrations();
		assertThat(integrations).hasSize(3);
		PagerdutyConfig first = (PagerdutyConfig) integrations.get(0);
		assertThat(first.routingKey()).isEqualTo("k1-secret");
		assertThat(first.url()).isEqualTo("https://pd-proxy.example/v2/enqueue");
		assertThat(first.details()).containsOnlyKeys("firing", "resolved", "num_firing", "num_resolved", "runbook");
		assertThat(first.details().get("firing")).hasToString("custom");
		assertThat(first.details().get("num_firing")).hasToString("{{ .Alerts.Firing | len }}");
		assertThat(first.severity()).hasToString("error");
		assertThat(first.source()).isSameAs(first.client());
		assertThat(first.sendResolved()).isTrue();
		assertThat(first.toString()).doesNotContain("k1-secret");
		PagerdutyConfig second = (PagerdutyConfig) integrations.get(1);
		assertThat(second.url()).isEqualTo("https://events.eu.pagerduty.com/v2/enqueue");
		assertThat(second.source()).hasToString("db");
		assertThat(second.sendResolved()).isFalse();
		assertThat(second.serviceKey()).isEmpty();
		// A service key makes it an Events API v1 entry, as in Alertmanager.
		PagerdutyConfig v1 = (PagerdutyConfig) integrations.get(2);
		assertThat(v1.serviceKey()).isEqualTo("v1-secret");
		assertThat(v1.toString()).doesNotContain("v1-secret");
		assertThat(config.unsupportedIntegrations()).isEmpty();
		assertRejected(MINIMAL + "    pagerduty_configs: [{severity: x}]\n",
				"receivers[0].pagerduty_configs[0].routing_key: missing service or routing key in PagerDuty config");
	}

	@Test
	void parsesWebhookSlackAndEmailFields() {
		AlertmanagerConfig config = realistic();
		WebhookConfig hook = (WebhookConfig) config.receiver("default").integrations().get(0);
		assertThat(hook).isEqualTo(new WebhookConfig("http://127.0.0.1:9099/hook", true, 20, null,
				new HttpClientConfig(new HttpAuth.Authorization("Bearer", "s3cr3t"), null, null, true, true)));
		assertThat(hook.toString()).doesNotContain("s3cr3t").doesNotContain("9099");
		assertThat(((WebhookConfig) config.receiver("pager").integrations().get(0)).sendResolved()).isFalse();
		SlackConfig slack = (SlackConfig) config.receiver("dba-slack").integrations().get(0);
		assertThat(slack.channel()).hasToString("#dba");
		assertThat(slack.iconEmoji()).hasToString(":fire:");
		assertThat(slack.mrkdwnIn()).isEqualTo(SlackConfig.DEFAULT_MRKDWN_IN);
		assertThat(slack.title()).hasToString("{{ .Status }}: {{ .CommonLabels.alertname }}");
		assertThat(slack.pretext()).hasToString(SlackConfig.DEFAULTS.get("pretext"));
		assertThat(slack.sendResolved()).isFalse();
		EmailConfig email = (EmailConfig) config.receiver("dba-mail").integrations().get(0);
		assertThat(email.smarthost()).isEqualTo("smtp.example.com:587");
		assertThat(email.authPassword()).isEqualTo("hunter2");
		assertThat(email.toString()).doesNotContain("hunter2");
		assertThat(email.headers().get("Subject")).hasToString("DB: {{ .CommonLabels.alertname }}");
		assertThat(email.headers().get("To")).hasToString(email.to());
		assertThat(email.html()).hasToString(EmailConfig.DEFAULTS.get("html"));
		assertThat(config.receiver("blackhole").integrations()).isEmpty();
		assertThat(config.receiver("default").integrationKey(hook)).isEqualTo("default/webhook/0");
	}

	@Test
	void appliesDefaultsAndInheritanceDownTheTree() {
		Route root = realistic().route();
		assertThat(root.options().groupWait()).isEqualTo(Duration.ofSeconds(30));
		Route pager = root.routes().get(0);
		assertThat(pager.options().groupWait()).isEqualTo(Duration.ofSeconds(10));
		assertThat(pager.options().groupBy()).containsExactly("alertname", "shard");
		assertThat(pager.continueMatching()).isTrue();
		Route dbaMail = root.routes().get(1).routes().get(0);
		assertThat(dbaMail.options().groupByAll()).isTrue();
		assertThat(dbaMail.options().repeatInterval()).isEqualTo(Duration.ofDays(1));
		assertThat(dbaMail.options().groupInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(dbaMail.options().muteTimeIntervals()).containsExactly("nights");
		assertThat(dbaMail.continueMatching()).isFalse();
		Route pay = root.routes().get(2);
		assertThat(pay.options().groupInterval()).isEqualTo(Duration.ofMinutes(90));
		assertThat(pay.routes().get(0).options().groupBy()).containsExactly("alertname");
		assertThat(pay.routes().get(0).options().groupInterval()).isEqualTo(Duration.ofMinutes(90));
		assertThat(pay.routes().get(0).options().receiver()).isEqualTo("blackhole");
	}

	@Test
	void routeKeysPrintMatchersAsAlertmanager() {
		Route root = realistic().route();
		// Same text as `amtool config routes show` prints for realistic.yml.
		assertThat(root.routes().get(1).key()).isEqualTo("{}/{env!=\"dev\",team=~\"db|storage\"}");
		assertThat(root.routes().get(1).routes().get(1).key())
			.isEqualTo("{}/{env!=\"dev\",team=~\"db|storage\"}/{service=~\"^(?:^(mysql|mariadb)$)$\"}");
		assertThat(root.routes().get(2).routes().get(0).key()).endsWith("/{alertname=~\"Disk.*\",severity=\"info\"}");
		assertThat(root.routes().get(3).id()).isEqualTo("{}/{severity=\"critical\"}/3");
	}

	@Test
	void readsInhibitRulesFromNewAndLegacySyntax() {
		List<InhibitRule> rules = realistic().inhibitRules();
		assertThat(rules.get(0).sourceMatchers()).hasToString("{severity=\"critical\"}");
		assertThat(rules.get(0).equal()).containsExactly("alertname", "shard");
		assertThat(rules.get(1).sourceMatchers()).hasToString("{alertname=\"ShardDown\"}");
		assertThat(rules.get(1).targetMatchers()).hasToString("{alertname=~\"^(?:.+)$\"}");
	}

	@Test
	void readsTimeIntervalsIncludingLegacyMuteTimeIntervals() {
		NamedTimeInterval business = realistic().timeIntervals().get("business-hours");
		// Friday 16:30 in Berlin is 15:30 UTC.
		assertThat(business.contains(Instant.parse("2026-11-27T15:30:00Z"))).isTrue();
		assertThat(business.contains(Instant.parse("2026-11-27T16:30:00Z"))).isFalse();
		NamedTimeInterval nights = realistic().timeIntervals().get("nights");
		assertThat(nights.contains(Instant.parse("2026-11-27T05:59:00Z"))).isTrue();
		assertThat(nights.contains(Instant.parse("2026-12-31T12:00:00Z"))).isTrue();
		assertThat(nights.contains(Instant.parse("2026-12-30T12:00:00Z"))).isFalse();
	}

	@Test
	void parsesPrometheusDurations() {
		assertThat(PrometheusDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(PrometheusDuration.parse("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(PrometheusDuration.parse("1w2d")).isEqualTo(Duration.ofDays(9));
		assertThat(PrometheusDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(PrometheusDuration.parse("0")).isZero();
		assertThat(PrometheusDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusDuration.parse("1m1h"))
			.withMessage("not a valid duration string: \"1m1h\"");
		assertThatIllegalArgumentException().isThrownBy(() -> PrometheusDuration.parse(""));
	}

	@Test
	void rejectsUnknownReceiverWithItsPath() {
		assertRejected("""
				route:
				  receiver: a
				  routes:
				    - receiver: a
				    - receiver: a
				    - receiver: x
				receivers:
				  - name: a
				""", "route.routes[2].receiver: unknown receiver \"x\"");
	}

	@Test
	void rejectsInvalidRegexInInhibitRuleWithItsPath() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> ConfigLoader.load(MINIMAL + """
				inhibit_rules:
				  - source_matchers: [a=b, 'c=~"("']
				    target_matchers: [a=c]
				""")).withMessageStartingWith("inhibit_rules[0].source_matchers[1]: invalid regex in matcher c=~\"(\"");
	}

	@Test
	void rejectsBadTimeWithItsPath() {
		assertRejected(MINIMAL + """
				time_intervals:
				  - name: t
				    time_intervals:
				      - times:
				          - start_time: '25:00'
				            end_time: '26:00'
				""",
				"time_intervals[0].time_intervals[0].times[0].start_time: couldn't parse timestamp 25:00, invalid format");
		assertRejected(MINIMAL + """
				time_intervals:
				  - name: t
				    time_intervals:
				      - weekdays: [monday:someday]
				""", "time_intervals[0].time_intervals[0].weekdays[0]: someday is not a valid weekday");
		assertRejected(MINIMAL + """
				time_intervals:
				  - name: t
				    time_intervals:
				      - location: Mars/Olympus
				""", "time_intervals[0].time_intervals[0].location: unknown time zone \"Mars/Olympus\"");
	}

	@Test
	void parsesTimeIntervalsGivenAsJsonAndNamesBadElementsUnderTheGivenPath() {
		JsonMapper json = JsonMapper.builder().build();
		List<TimeInterval> intervals = ConfigLoader.parseTimeIntervals(json.readTree("""
				[{"weekdays": ["saturday"], "times": [{"start_time": "09:00", "end_time": "17:00"}],
				  "location": "Europe/Berlin"},
				 {"years": [2027], "months": ["january:march"]}]
				"""), "schedule");
		assertThat(intervals).hasSize(2);
		// Saturday 10:00 in Berlin is 09:00 UTC; 16:30 UTC is 17:30 there.
		assertThat(intervals.get(0).contains(Instant.parse("2026-11-28T09:00:00Z"))).isTrue();
		assertThat(intervals.get(0).contains(Instant.parse("2026-11-28T16:30:00Z"))).isFalse();
		assertThat(intervals.get(1).contains(Instant.parse("2027-02-01T00:00:00Z"))).isTrue();
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.parseTimeIntervals(json.readTree("""
					[{"weekdays": ["monday"]}, {"weekdays": ["monday", "someday"]}]
					"""), "schedule"))
			.withMessage("schedule[1].weekdays[1]: someday is not a valid weekday")
			.extracting(ConfigException::path)
			.isEqualTo("schedule[1].weekdays[1]");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.parseTimeIntervals(json.readTree("[{\"weekday\": [\"monday\"]}]"), "s"))
			.withMessage("s[0].weekday: field weekday not found in s");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.parseTimeIntervals(json.readTree("{}"), "s"))
			.withMessage("s: expected a list of time intervals");
	}

	@Test
	void rejectsRootWithoutReceiverOrWithMatchers() {
		assertRejected("route: {group_by: [a]}\nreceivers: [{name: a}]\n",
				"route.receiver: root route must specify a default receiver");
		assertRejected("route: {receiver: a, matchers: [a=b]}\nreceivers: [{name: a}]\n",
				"route: root route must not have any matchers");
		assertRejected("route: {receiver: a, continue: true}\nreceivers: [{name: a}]\n",
				"route.continue: cannot have continue in root route");
	}

	@Test
	void rejectsAKeyGivenTwiceAsAlertmanagerDoes() {
		// The last one won, and a second receivers: block dropped the first.
		assertRejected("route:\n  receiver: a\n  group_wait: 1s\n  group_wait: 2s\nreceivers: [{name: a}]\n",
				"route.group_wait: field group_wait already set (line 4)");
		assertRejected("route: {receiver: a}\nreceivers: [{name: a}]\nreceivers: [{name: b}]\n",
				"receivers: field receivers already set (line 3)");
		assertRejected("""
				route: {receiver: a}
				receivers:
				  - name: a
				    webhook_configs:
				      - url: http://x/
				        url: http://y/
				""", "receivers[0].webhook_configs[0].url: field url already set (line 6)");
	}

	@Test
	void rejectsDuplicateReceiversAndUnknownTimeIntervals() {
		assertRejected(MINIMAL + "  - name: b\n  - name: a\n", "receivers[2].name: duplicate receiver name \"a\"");
		assertRejected(MINIMAL + "  - name: " + "r".repeat(201) + "\n",
				"receivers[1].name: receiver name is 201 characters long; at most 200 are stored with each notification");
		assertRejected("""
				route:
				  receiver: a
				  routes:
				    - mute_time_intervals: [weekends]
				receivers: [{name: a}]
				""", "route.routes[0].mute_time_intervals[0]: unknown time interval \"weekends\"");
	}

	@Test
	void repeatAcknowledgedIsInheritedAndDefaultsToAlertmanagersReminders() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: a
				  routes:
				    - matchers: [team=db]
				      repeat_acknowledged: false
				      routes:
				        - matchers: [severity=critical]
				        - matchers: [severity=info]
				          repeat_acknowledged: true
				receivers: [{name: a}]
				""");
		Route root = config.route();
		assertThat(root.options().repeatAcknowledged()).isTrue();
		Route db = root.routes().get(0);
		assertThat(db.options().repeatAcknowledged()).isFalse();
		assertThat(db.routes()).extracting((route) -> route.options().repeatAcknowledged())
			.containsExactly(false, true);
		assertRejected("route: {receiver: a, repeat_acknowledged: sometimes}\nreceivers: [{name: a}]\n",
				"route.repeat_acknowledged: expected true or false, got \"sometimes\"");
	}

	@Test
	void rejectsBadDurationsAndGroupBy() {
		assertRejected("route: {receiver: a, group_wait: 5 minutes}\nreceivers: [{name: a}]\n",
				"route.group_wait: not a valid duration string: \"5 minutes\"");
		assertRejected("route: {receiver: a, repeat_interval: 0s}\nreceivers: [{name: a}]\n",
				"route.repeat_interval: repeat_interval cannot be zero");
		assertRejected("route: {receiver: a, routes: [{resolve_delay: soon}]}\nreceivers: [{name: a}]\n",
				"route.routes[0].resolve_delay: not a valid duration string: \"soon\"");
		assertRejected("route: {receiver: a, group_by: ['...', a]}\nreceivers: [{name: a}]\n",
				"route.group_by: cannot have wildcard group_by (`...`) and other other labels at the same time");
		assertRejected("route: {receiver: a, group_by: [a, a]}\nreceivers: [{name: a}]\n",
				"route.group_by[1]: duplicated label \"a\" in group_by");
	}

	@Test
	void readsSecretsFromFiles(@TempDir Path dir) throws IOException {
		Path url = Files.writeString(dir.resolve("url"), "http://127.0.0.1:9099/from-file\n");
		Path token = Files.writeString(dir.resolve("token"), "t0ken\n");
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + """
				    webhook_configs:
				      - url_file: %s
				        http_config:
				          authorization:
				            credentials_file: %s
				""".formatted(url, token));
		assertThat(config.receiver("a").integrations()).singleElement()
			.isEqualTo(new WebhookConfig("http://127.0.0.1:9099/from-file", true, 0, null,
					new HttpClientConfig(new HttpAuth.Authorization("Bearer", "t0ken"), null, null, true, true)));
		assertRejected(MINIMAL + "    webhook_configs: [{url_file: " + dir.resolve("missing") + "}]\n",
				"receivers[0].webhook_configs[0].url_file: cannot read " + dir.resolve("missing")
						+ ": NoSuchFileException");
	}

	@Test
	void readsHttpConfigAuthenticationAsAlertmanagerDoes(@TempDir Path dir) throws IOException {
		Path password = Files.writeString(dir.resolve("password"), "pa55\n");
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + """
				    webhook_configs:
				      - url: http://127.0.0.1:9099/basic
				        http_config:
				          basic_auth: {username: zgw, password_file: %s}
				      - url: http://127.0.0.1:9099/token
				        http_config: {bearer_token: t0ken}
				      - url: http://127.0.0.1:9099/custom
				        http_config:
				          authorization: {type: Token, credentials: c0de}
				      - url: http://127.0.0.1:9099/empty
				        http_config:
				          authorization: {credentials: ''}
				    slack_configs:
				      - api_url: http://127.0.0.1:9099/slack
				        http_config:
				          basic_auth: {username: bot}
				""".formatted(password));
		assertThat(config.receiver("a").integrations())
			.extracting((integration) -> (integration instanceof WebhookConfig hook) ? hook.http().auth()
					: ((SlackConfig) integration).http().auth())
			.containsExactly(new HttpAuth.Basic("zgw", "pa55"), new HttpAuth.Authorization("Bearer", "t0ken"),
					new HttpAuth.Authorization("Token", "c0de"), null, new HttpAuth.Basic("bot", ""));
		assertThat(config.receiver("a").integrations().get(0).toString()).doesNotContain("pa55");

		assertRejected(
				MINIMAL + "    webhook_configs: [{url: 'http://x', http_config: "
						+ "{basic_auth: {username: u}, authorization: {credentials: c}}}]\n",
				"receivers[0].webhook_configs[0].http_config.basic_auth: "
						+ "at most one of basic_auth, authorization and bearer_token may be configured");
		assertRejected(
				MINIMAL + "    webhook_configs: [{url: 'http://x', http_config: "
						+ "{bearer_token: t, authorization: {credentials: c}}}]\n",
				"receivers[0].webhook_configs[0].http_config.authorization: "
						+ "authorization is not compatible with bearer_token and bearer_token_file");
		assertRejected(
				MINIMAL + "    webhook_configs: [{url: 'http://x', http_config: "
						+ "{authorization: {type: basic, credentials: c}}}]\n",
				"receivers[0].webhook_configs[0].http_config.authorization.type: "
						+ "authorization type cannot be Basic; use basic_auth instead");
	}

	@Test
	void globalSettingsFillWhatReceiversLeaveUnsetAsAlertmanagerDoes(@TempDir Path dir) throws IOException {
		Path password = Files.writeString(dir.resolve("smtp-password"), "hunter2\n");
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  resolve_timeout: 90s
				  smtp_from: am@example.com
				  smtp_smarthost: smtp.example.com:587
				  smtp_hello: gw.example.com
				  smtp_auth_username: am
				  smtp_auth_password_file: %s
				  smtp_require_tls: false
				  slack_api_url: https://hooks.slack.com/services/T/B/X
				  http_config:
				    authorization: {credentials: g10bal}
				  smtp_auth_identity: am-identity
				  smtp_auth_secret: cr4m
				route:
				  receiver: a
				receivers:
				  - name: a
				    webhook_configs:
				      - url: http://127.0.0.1:9099/inherits
				      - url: http://127.0.0.1:9099/own
				        http_config: {basic_auth: {username: own}}
				    slack_configs:
				      - channel: '#a'
				    email_configs:
				      - to: dba@example.com
				      - to: ops@example.com
				        from: ops-am@example.com
				        smarthost: mx.example.com:25
				        hello: ''
				        require_tls: true
				        auth_identity: ops-identity
				        auth_secret: own-cr4m
				""".formatted(password));
		assertThat(config.resolveTimeout()).isEqualTo(Duration.ofSeconds(90));
		List<Integration> integrations = config.receiver("a").integrations();
		HttpClientConfig global = new HttpClientConfig(new HttpAuth.Authorization("Bearer", "g10bal"), null, null, true,
				true);
		assertThat(((WebhookConfig) integrations.get(0)).http()).isEqualTo(global);
		// As Alertmanager, an integration's own http_config replaces the global one
		// whole.
		assertThat(((WebhookConfig) integrations.get(1)).http().auth()).isEqualTo(new HttpAuth.Basic("own", ""));
		SlackConfig slack = (SlackConfig) integrations.get(2);
		assertThat(slack.apiUrl()).isEqualTo("https://hooks.slack.com/services/T/B/X");
		assertThat(slack.http()).isEqualTo(global);
		EmailConfig inherits = (EmailConfig) integrations.get(3);
		assertThat(inherits)
			.extracting(EmailConfig::from, EmailConfig::smarthost, EmailConfig::hello, EmailConfig::authUsername,
					EmailConfig::authPassword, EmailConfig::requireTls)
			.containsExactly("am@example.com", "smtp.example.com:587", "gw.example.com", "am", "hunter2", false);
		assertThat(inherits.headers().get("From")).hasToString("am@example.com");
		EmailConfig own = (EmailConfig) integrations.get(4);
		assertThat(own)
			.extracting(EmailConfig::from, EmailConfig::smarthost, EmailConfig::hello, EmailConfig::requireTls)
			.containsExactly("ops-am@example.com", "mx.example.com:25", "gw.example.com", true);
		assertThat(inherits).extracting(EmailConfig::authIdentity, EmailConfig::authSecret)
			.containsExactly("am-identity", "cr4m");
		assertThat(own).extracting(EmailConfig::authIdentity, EmailConfig::authSecret)
			.containsExactly("ops-identity", "own-cr4m");
		assertThat(own.toString()).doesNotContain("cr4m").doesNotContain("hunter2");
		assertThat(config.notes()).noneMatch((note) -> note.contains("smtp_auth") || note.contains("auth_"));
	}

	@Test
	void withoutGlobalSectionEmailSaysHelloAsLocalhostAndNeedsItsOwnSmarthostFromAndSlackUrl() {
		EmailConfig email = (EmailConfig) ConfigLoader
			.load(MINIMAL + "    email_configs: [{to: a@b, from: c@d, smarthost: 'mx:25'}]\n")
			.receiver("a")
			.integrations()
			.get(0);
		assertThat(email.hello()).isEqualTo("localhost");
		assertThat(email.requireTls()).isTrue();
		assertThat(ConfigLoader.load(MINIMAL).resolveTimeout()).isNull();
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    email_configs: [{to: a@b, from: c@d}]\n",
				"receivers[0].email_configs[0].smarthost: no global SMTP smarthost set");
		assertRejected("global: {smtp_smarthost: 'mx:25'}\n" + MINIMAL + "    email_configs: [{to: a@b}]\n",
				"receivers[0].email_configs[0].from: no global SMTP from set");
		assertRejected(MINIMAL + "    slack_configs: [{channel: '#a'}]\n",
				"receivers[0].slack_configs[0].api_url: no global Slack API URL set either inline or in a file");
		assertRejected("global: {smtp_port: 25}\n" + MINIMAL, "global.smtp_port: field smtp_port not found in global");
	}

	@Test
	void readsTlsConfigAndRefusesWhatAlertmanagerWouldFailOn() {
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  http_config:
				    tls_config: {ca_file: /etc/zgw/ca.pem}
				route:
				  receiver: a
				receivers:
				  - name: a
				    webhook_configs:
				      - url: https://hooks.example.com/inherits
				      - url: https://hooks.example.com/mtls
				        http_config:
				          bearer_token: t
				          tls_config:
				            cert_file: /etc/zgw/client.pem
				            key_file: /etc/zgw/client.key
				            server_name: hooks.internal
				            min_version: TLS13
				      - url: https://hooks.example.com/lab
				        http_config:
				          tls_config: {insecure_skip_verify: true, max_version: TLS12}
				""");
		assertThat(config.receiver("a").integrations()).extracting((hook) -> ((WebhookConfig) hook).http().tls())
			.containsExactly(
					new TlsConfig("/etc/zgw/ca.pem", null, null, null, false, "TLS12", null), new TlsConfig(null,
							"/etc/zgw/client.pem", "/etc/zgw/client.key", "hooks.internal", false, "TLS13", null),
					new TlsConfig(null, null, null, null, true, "TLS12", "TLS12"));

		String hook = MINIMAL + "    webhook_configs: [{url: 'https://x', http_config: {tls_config: %s}}]\n";
		assertRejected(hook.formatted("{cert_file: c.pem}"), "receivers[0].webhook_configs[0].http_config.tls_config"
				+ ".key_file: client cert file \"c.pem\" specified without client key file");
		assertRejected(hook.formatted("{min_version: TLS14}"),
				"receivers[0].webhook_configs[0].http_config.tls_config.min_version: unknown TLS version: TLS14");
		assertRejected(hook.formatted("{min_version: TLS13, max_version: TLS12}"),
				"receivers[0].webhook_configs[0].http_config.tls_config.max_version: "
						+ "max_version TLS12 is older than min_version TLS13");
		assertRejected(hook.formatted("{ca: inline}"), "receivers[0].webhook_configs[0].http_config.tls_config.ca: "
				+ "field ca not found in receivers[0].webhook_configs[0].http_config.tls_config");
	}

	@Test
	void namesEveryFileItDependsOnRelativeToTheConfigurationsDirectory(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("team.tmpl"), "{{ define \"team\" }}x{{ end }}");
		Files.writeString(dir.resolve("hook-url"), "http://127.0.0.1:9099/hook\n");
		Path file = Files.writeString(dir.resolve("alertmanager.yml"), MINIMAL.replace("route:", """
				templates: ['*.tmpl']
				route:""") + """
				    webhook_configs:
				      - url_file: hook-url
				        http_config:
				          tls_config: {ca_file: certs/ca.pem, cert_file: certs/client.pem, key_file: certs/client.key}
				""");
		AlertmanagerConfig config = ConfigLoader.load(file);
		assertThat(config.files()).containsExactly(dir.resolve("team.tmpl"), dir.resolve("hook-url"),
				dir.resolve("certs/ca.pem"), dir.resolve("certs/client.pem"), dir.resolve("certs/client.key"));
		assertThat(((WebhookConfig) config.receiver("a").integrations().get(0)).http().tls().caFile())
			.isEqualTo(dir.resolve("certs/ca.pem").toString());
	}

	@Test
	void readsOauth2ClientCredentials(@TempDir Path dir) throws IOException {
		Path secret = Files.writeString(dir.resolve("client-secret"), "s3cr3t\n");
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + """
				    webhook_configs:
				      - url: http://a.example.com/
				        http_config:
				          oauth2:
				            client_id: zgw
				            client_secret_file: %s
				            scopes: [alerts.write]
				            token_url: https://sso.example.com/token
				            endpoint_params: {audience: hooks}
				            proxy_url: http://egress.internal:3128
				            tls_config: {server_name: sso.internal}
				""".formatted(secret));
		assertThat(((WebhookConfig) config.receiver("a").integrations().get(0)).http().auth())
			.isEqualTo(new HttpAuth.OAuth2("zgw", "s3cr3t", List.of("alerts.write"), "https://sso.example.com/token",
					Map.of("audience", "hooks"), new TlsConfig(null, null, null, "sso.internal", false, "TLS12", null),
					URI.create("http://egress.internal:3128")));
		assertThat(config.notes()).noneMatch((note) -> note.contains("oauth2"));
		String hook = MINIMAL + "    webhook_configs: [{url: 'http://x', http_config: %s}]\n";
		assertRejected(hook.formatted("{oauth2: {client_id: a, client_secret: b}}"),
				"receivers[0].webhook_configs[0].http_config.oauth2.token_url: oauth2 token_url must be configured");
		assertRejected(hook.formatted("{oauth2: {token_url: 'http://t/'}, basic_auth: {username: u}}"),
				"receivers[0].webhook_configs[0].http_config.oauth2: "
						+ "at most one of basic_auth, oauth2 & authorization must be configured");
	}

	@Test
	void readsProxyUrlFollowRedirectsAndEnableHttp2() {
		AlertmanagerConfig config = ConfigLoader.load(MINIMAL + """
				    webhook_configs:
				      - url: http://a.example.com/
				        http_config: {proxy_url: 'http://proxy.example.com:3128', follow_redirects: false}
				      - url: http://b.example.com/
				      - url: https://c.example.com/
				        http_config: {enable_http2: false}
				""");
		assertThat(config.receiver("a").integrations()).extracting((hook) -> ((WebhookConfig) hook).http())
			.containsExactly(new HttpClientConfig(null, null, URI.create("http://proxy.example.com:3128"), false, true),
					HttpClientConfig.NONE, new HttpClientConfig(null, null, null, true, false));
		assertThat(config.notes()).noneMatch((note) -> note.contains("enable_http2"));
		assertRejected(MINIMAL + "    webhook_configs: [{url: 'http://x', http_config: {proxy_url: 'proxy:3128'}}]\n",
				"receivers[0].webhook_configs[0].http_config.proxy_url: "
						+ "proxy_url must be an absolute http or https URL");
	}

	@Test
	void readsSlackFieldsAndActionsWithAlertmanagersChecks() {
		SlackConfig slack = (SlackConfig) ConfigLoader.load(MINIMAL + """
				    slack_configs:
				      - api_url: http://127.0.0.1:9099/slack
				        short_fields: true
				        fields:
				          - {title: Cluster, value: '{{ .CommonLabels.cluster }}'}
				          - {title: Runbook, value: x, short: false}
				        actions:
				          - {type: button, text: Runbook, url: 'https://runbooks.example', name: dropped}
				          - type: button
				            text: Silence
				            name: silence
				            value: '{{ .GroupLabels.alertname }}'
				            confirm: {text: Sure?, ok_text: 'Yes'}
				        mrkdwn_in: [text]
				        link_names: true
				""").receiver("a").integrations().get(0);
		assertThat(slack.fields()).extracting(SlackConfig.Field::isShort).containsExactly(true, false);
		assertThat(slack.actions().get(0).name()).hasToString("");
		assertThat(slack.actions().get(1).confirm().okText()).hasToString("Yes");
		assertThat(slack.mrkdwnIn()).containsExactly("text");
		assertThat(slack.linkNames()).isTrue();

		String entry = MINIMAL + "    slack_configs: [{api_url: 'http://x', %s}]\n";
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(entry.formatted("actions: [{text: t, url: 'http://x'}]"),
				"receivers[0].slack_configs[0].actions[0].type: missing type in Slack action configuration");
		assertRejected(entry.formatted("actions: [{type: button, text: t}]"),
				"receivers[0].slack_configs[0].actions[0].url: missing name or url in Slack action configuration");
		assertRejected(entry.formatted("actions: [{type: button, text: t, name: n, confirm: {title: x}}]"),
				"receivers[0].slack_configs[0].actions[0].confirm.text: "
						+ "missing text in Slack confirmation configuration");
		assertRejected(entry.formatted("fields: [{title: t}]"),
				"receivers[0].slack_configs[0].fields[0].value: missing value in Slack field configuration");
	}

	@Test
	void readsVictorOpsWithAlertmanagersChecks() {
		VictorOpsConfig victorOps = (VictorOpsConfig) ConfigLoader.load("""
				global:
				  victorops_api_key: global-vo-key
				route:
				  receiver: a
				receivers:
				  - name: a
				    victorops_configs:
				      - routing_key: ops
				        custom_fields: {runbook: x}
				""").receiver("a").integrations().get(0);
		assertThat(victorOps.apiKey()).isEqualTo("global-vo-key");
		assertThat(victorOps.apiUrl()).isEqualTo(VictorOpsConfig.DEFAULT_URL);
		assertThat(victorOps.messageType()).hasToString("CRITICAL");
		assertThat(victorOps.customFields()).containsOnlyKeys("runbook");
		assertThat(victorOps.toString()).doesNotContain("global-vo-key");
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    victorops_configs: [{routing_key: r}]\n",
				"receivers[0].victorops_configs[0].api_key: no global VictorOps API Key set");
		assertRejected(MINIMAL + "    victorops_configs: [{api_key: k}]\n",
				"receivers[0].victorops_configs[0].routing_key: missing Routing key in VictorOps config");
		assertRejected(
				MINIMAL + "    victorops_configs: [{api_key: k, routing_key: r, custom_fields: {entity_id: x}}]\n",
				"receivers[0].victorops_configs[0].custom_fields.entity_id: victorOps config contains custom field "
						+ "entity_id which cannot be used as it conflicts with the fixed/static fields");
	}

	@Test
	void readsTelegramWithAlertmanagersChecks() {
		TelegramConfig telegram = (TelegramConfig) ConfigLoader.load("""
				global:
				  telegram_api_url: https://telegram.internal
				route:
				  receiver: a
				receivers:
				  - name: a
				    telegram_configs:
				      - {bot_token: '123:secret-token', chat_id: -1001234567890}
				""").receiver("a").integrations().get(0);
		assertThat(telegram.apiUrl()).isEqualTo("https://telegram.internal");
		assertThat(telegram.chatId()).isEqualTo(-1001234567890L);
		assertThat(telegram.parseMode()).isEqualTo("HTML");
		assertThat(telegram.sendResolved()).isTrue();
		assertThat(telegram.disableNotifications()).isFalse();
		assertThat(telegram.toString()).doesNotContain("secret-token");
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    telegram_configs: [{chat_id: 1}]\n",
				"receivers[0].telegram_configs[0].bot_token: missing bot_token on telegram_config");
		assertRejected(MINIMAL + "    telegram_configs: [{bot_token: t}]\n",
				"receivers[0].telegram_configs[0].chat_id: missing chat_id on telegram_config");
		assertRejected(MINIMAL + "    telegram_configs: [{bot_token: t, chat_id: '12'}]\n",
				"receivers[0].telegram_configs[0].chat_id: expected an integer chat id, got \"12\"");
		assertRejected(MINIMAL + "    telegram_configs: [{bot_token: t, chat_id: 1, parse_mode: Foo}]\n",
				"receivers[0].telegram_configs[0].parse_mode: unknown parse_mode on telegram_config, "
						+ "must be Markdown, MarkdownV2, HTML or empty string");
	}

	@Test
	void readsPushoverWithAlertmanagersDefaultsAndChecks(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("token"), "azGDORePK8gMaC0QOYAMyEEuzJnyUi\n");
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: a
				receivers:
				  - name: a
				    pushover_configs:
				      - {user_key: uQiRzpo4DXghDmr9QzzfQu27cmVRsG, token: t0k3n}
				      - user_key: u2
				        token_file: token
				        retry: 1.5m
				        expire: 2h30m
				        priority: '1'
				        html: true
				        send_resolved: false
				""", dir);
		PushoverConfig first = (PushoverConfig) config.receiver("a").integrations().get(0);
		assertThat(first.retry()).isEqualTo(Duration.ofMinutes(1));
		assertThat(first.expire()).isEqualTo(Duration.ofHours(1));
		assertThat(first.priority()).hasToString(PushoverConfig.DEFAULTS.get("priority"));
		assertThat(first.title()).hasToString("{{ template \"pushover.default.title\" . }}");
		assertThat(first.html()).isFalse();
		assertThat(first.sendResolved()).isTrue();
		assertThat(first.toString()).doesNotContain("uQiRzpo4").doesNotContain("t0k3n");
		PushoverConfig second = (PushoverConfig) config.receiver("a").integrations().get(1);
		assertThat(second.token()).isEqualTo("azGDORePK8gMaC0QOYAMyEEuzJnyUi");
		assertThat(second.retry()).isEqualTo(Duration.ofSeconds(90));
		assertThat(second.expire()).isEqualTo(Duration.ofMinutes(150));
		assertThat(second.priority()).hasToString("1");
		assertThat(second.html()).isTrue();
		assertThat(second.sendResolved()).isFalse();
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    pushover_configs: [{token: t}]\n",
				"receivers[0].pushover_configs[0].user_key: missing user key in Pushover config");
		assertRejected(MINIMAL + "    pushover_configs: [{user_key: u}]\n",
				"receivers[0].pushover_configs[0].token: missing token in Pushover config");
		assertRejected(MINIMAL + "    pushover_configs: [{user_key: u, token: t, retry: 1d}]\n",
				"receivers[0].pushover_configs[0].retry: time: unknown unit \"d\" in duration \"1d\"");
		assertRejected(MINIMAL + "    pushover_configs: [{user_key: u, token: t, expire: 60}]\n",
				"receivers[0].pushover_configs[0].expire: time: invalid duration \"60\"");
	}

	@Test
	void readsWechatWithAlertmanagersChecks() {
		WechatConfig wechat = (WechatConfig) ConfigLoader.load("""
				global:
				  wechat_api_url: https://wechat.internal/cgi-bin
				  wechat_api_secret: global-secret
				  wechat_api_corp_id: corp1
				route:
				  receiver: a
				receivers:
				  - name: a
				    wechat_configs:
				      - to_user: '@all'
				""").receiver("a").integrations().get(0);
		assertThat(wechat.apiUrl()).isEqualTo("https://wechat.internal/cgi-bin/");
		assertThat(wechat.apiSecret()).isEqualTo("global-secret");
		assertThat(wechat.corpId()).isEqualTo("corp1");
		assertThat(wechat.messageType()).isEqualTo("text");
		assertThat(wechat.sendResolved()).isFalse();
		assertThat(wechat.toString()).doesNotContain("global-secret");
		assertThat(ConfigLoader.load(MINIMAL + "    wechat_configs: [{api_secret: s, corp_id: c}]\n")
			.receiver("a")
			.integrations()
			.get(0)).extracting((i) -> ((WechatConfig) i).apiUrl()).isEqualTo(WechatConfig.DEFAULT_URL);
		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    wechat_configs: [{corp_id: c}]\n",
				"receivers[0].wechat_configs[0].api_secret: no global Wechat ApiSecret set");
		assertRejected(MINIMAL + "    wechat_configs: [{api_secret: s}]\n",
				"receivers[0].wechat_configs[0].corp_id: no global Wechat CorpID set");
		assertRejected(MINIMAL + "    wechat_configs: [{api_secret: s, corp_id: c, message_type: html}]\n",
				"receivers[0].wechat_configs[0].message_type: "
						+ "weChat message type \"html\" does not match valid options ^(text|markdown)$");
	}

	@Test
	void readsSnsWithAlertmanagersChecksAndARoleToAssume() {
		AlertmanagerConfig config = ConfigLoader.load("""
				route:
				  receiver: a
				receivers:
				  - name: a
				    sns_configs:
				      - topic_arn: arn:aws:sns:eu-west-1:1:alerts
				        sigv4: {region: eu-west-1, access_key: AKID, secret_key: sns-secret}
				        attributes: {team: ops}
				  - name: b
				    sns_configs:
				      - phone_number: '+15555550100'
				        sigv4: {region: eu-west-1, role_arn: 'arn:aws:iam::1:role/am'}
				  - name: c
				    sns_configs:
				      - target_arn: arn:aws:sns:eu-west-1:1:endpoint/x
				        sigv4: {profile: ops}
				      - target_arn: arn:aws:sns:eu-west-1:1:endpoint/x
				""");
		SnsConfig sns = (SnsConfig) config.receiver("a").integrations().get(0);
		assertThat(sns.apiUrl()).isNull();
		assertThat(sns.topicArn()).isNotNull();
		assertThat(sns.phoneNumber()).isNull();
		assertThat(sns.subject()).isNotNull();
		assertThat(sns.attributes()).hasSize(1);
		assertThat(sns.sendResolved()).isTrue();
		assertThat(sns.toString()).doesNotContain("sns-secret");
		assertThat(sns.roleArn()).isEmpty();
		// Credentials from a role (AWS STS): delivered, with the role to assume.
		SnsConfig withRole = (SnsConfig) config.receiver("b").integrations().get(0);
		assertThat(withRole.roleArn()).isEqualTo("arn:aws:iam::1:role/am");
		assertThat(withRole.accessKey()).isEmpty();
		assertThat(withRole.toString()).contains("roleArn=arn:aws:iam::1:role/am");
		assertThat(config.unsupportedIntegrations()).isEmpty();
		assertThat(config.notes()).noneMatch((note) -> note.contains("sns_configs"));
		// A profile, or nothing: the credentials and region come from the environment.
		List<Integration> fromEnvironment = config.receiver("c").integrations();
		assertThat(fromEnvironment).hasSize(2);
		assertThat(((SnsConfig) fromEnvironment.get(0)).profile()).isEqualTo("ops");
		assertThat(((SnsConfig) fromEnvironment.get(0)).region()).isEmpty();
		assertThat(((SnsConfig) fromEnvironment.get(1)).accessKey()).isEmpty();
		// The messages are Alertmanager 0.25's (amtool check-config).
		String none = "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config";
		assertRejected(MINIMAL + "    sns_configs: [{sigv4: {region: r}}]\n",
				"receivers[0].sns_configs[0].topic_arn: " + none);
		assertRejected(MINIMAL + "    sns_configs: [{topic_arn: t, phone_number: '+1'}]\n",
				"receivers[0].sns_configs[0].phone_number: " + none);
		assertRejected(MINIMAL + "    sns_configs: [{topic_arn: t, sigv4: {region: r, access_key: a}}]\n",
				"receivers[0].sns_configs[0].sigv4.secret_key: must provide a AWS SigV4 Access key and Secret Key "
						+ "if credentials are specified in the SigV4 config");
	}

	@Test
	void readsDiscordAndWebexWithAlertmanagersChecks() {
		AlertmanagerConfig config = ConfigLoader.load("""
				global:
				  webex_api_url: https://webex.internal/v1/messages
				route:
				  receiver: a
				receivers:
				  - name: a
				    discord_configs:
				      - webhook_url: https://discord.com/api/webhooks/1/secret-token
				    webex_configs:
				      - room_id: ops
				        http_config: {authorization: {credentials: bot-token}}
				""");
		DiscordConfig discord = (DiscordConfig) config.receiver("a").integrations().get(0);
		assertThat(discord.title()).hasToString(DiscordConfig.DEFAULTS.get("title"));
		assertThat(discord.sendResolved()).isTrue();
		assertThat(discord.toString()).doesNotContain("secret-token");
		WebexConfig webex = (WebexConfig) config.receiver("a").integrations().get(1);
		assertThat(webex.apiUrl()).isEqualTo("https://webex.internal/v1/messages");
		assertThat(webex.http().auth()).isEqualTo(new HttpAuth.Authorization("Bearer", "bot-token"));
		assertThat(webex.toString()).doesNotContain("bot-token");

		// The messages are Alertmanager 0.25's (amtool check-config).
		assertRejected(MINIMAL + "    discord_configs: [{title: t}]\n",
				"receivers[0].discord_configs[0].webhook_url: no discord webhook URL provided");
		assertRejected(MINIMAL + "    webex_configs: [{room_id: r}]\n",
				"receivers[0].webex_configs[0].http_config: missing webex_configs.http_config.authorization");
		assertRejected(MINIMAL + "    webex_configs: [{http_config: {authorization: {credentials: c}}}]\n",
				"receivers[0].webex_configs[0].room_id: missing room_id on webex_config");
	}

	@Test
	void rejectsTemplatesThatDoNotParseWithTheirFieldPath() {
		assertRejected(
				MINIMAL + "    slack_configs: [{api_url: 'http://x', title: '{{ if .Status }}x{{ end }}{{ end }}'}]\n",
				"receivers[0].slack_configs[0].title: unexpected {{end}} at 1:27");
		assertRejected(MINIMAL + "    email_configs: [{to: a@b, headers: {Subject: '{{ .Status'}}]\n",
				"receivers[0].email_configs[0].headers.Subject: unclosed action at 1:1");
		assertRejected(MINIMAL + "    email_configs: [{to: a@b, html: '{{ nosuch }}'}]\n",
				"receivers[0].email_configs[0].html: function \"nosuch\" not defined at 1:4");
		assertRejected(MINIMAL + "    email_configs: [{to: a@b, headers: {subject: a, Subject: b}}]\n",
				"receivers[0].email_configs[0].headers.Subject: duplicate header \"Subject\" in email config");
		assertRejected(MINIMAL + "    email_configs: [{to: '{{ .Receiver', headers: {}}]\n",
				"receivers[0].email_configs[0].to: unclosed action at 1:1");
	}

	@Test
	void loadsTemplateFilesRelativeToTheConfigFile(@TempDir Path dir) throws Exception {
		Files.createDirectory(dir.resolve("templates"));
		Files.writeString(dir.resolve("templates/a.tmpl"),
				"{{ define \"team.title\" }}A {{ template \"b\" }}{{ end }}");
		Files.writeString(dir.resolve("templates/b.tmpl"), "{{ define \"b\" }}B{{ end }}");
		Files.writeString(dir.resolve("templates/ignored.txt"), "{{ end }}");
		Path file = Files.writeString(dir.resolve("alertmanager.yml"), MINIMAL + """
				    slack_configs: [{api_url: 'http://x', title: '{{ template "team.title" . }}'}]
				templates: ['templates/*.tmpl']
				""");
		SlackConfig slack = (SlackConfig) ConfigLoader.load(file).receiver("a").integrations().get(0);
		assertThat(slack.title().execute(null)).isEqualTo("A B");
	}

	@Test
	void rejectsMissingOrBrokenTemplateFilesWithTheirPath(@TempDir Path dir) throws IOException {
		Path broken = Files.writeString(dir.resolve("broken.tmpl"), "{{ define \"x\" }}\n{{ end }}{{ end }}");
		assertRejected(MINIMAL + "templates: ['" + dir.resolve("missing.tmpl") + "']\n",
				"templates[0]: no such file " + dir.resolve("missing.tmpl"));
		assertRejected(MINIMAL + "templates: ['" + dir + "/*.tmpl']\n",
				"templates[0]: unexpected {{end}} at " + broken + ":2:10");
		assertThat(ConfigLoader.load(MINIMAL + "templates: ['" + dir + "/*.none']\n").notes())
			.containsExactly("templates[0]: " + dir + "/*.none matches no file");
	}

	@Test
	void rejectsUnknownFieldsLikeAlertmanagersStrictParser() {
		assertRejected("route: {receiver: a, recevier: b}\nreceivers: [{name: a}]\n",
				"route.recevier: field recevier not found in route");
		assertRejected(MINIMAL + "inhibit: []\n", "inhibit: field inhibit not found in the configuration");
	}

}
